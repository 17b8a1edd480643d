// Tiny test runner for the cross-language Kotlin tests (no Gradle, no JUnit
// runner). Test files are plain kotlin.test: a class with a no-arg
// constructor and methods annotated with @Test (on the JVM kotlin.test.Test
// is a typealias of org.junit.Test), optional @BeforeTest / @AfterTest and
// @Ignore. The runner scans the jar(s) given as arguments for such classes,
// runs every test on a fresh instance, prints PASS/FAIL/SKIP per test and a
// final `kotlin: N passed, M failed` line. Exit status is 1 when anything
// failed or when no test ran.
//
// Usage: java -cp <classpath> kefir.testing.TestRunnerKt <tests.jar>... [--filter SUBSTRING]
package kefir.testing

import java.io.File
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.util.jar.JarFile
import kotlin.system.exitProcess

private const val TEST = "org.junit.Test"
private const val BEFORE = "org.junit.Before"
private const val AFTER = "org.junit.After"
private const val IGNORE = "org.junit.Ignore"

private fun Method.has(annotation: String) = annotations.any { it.annotationClass.java.name == annotation }

private fun classNamesIn(jar: File): List<String> =
    JarFile(jar).use { jf ->
        jf.entries().asSequence()
            .map { it.name }
            .filter { it.endsWith(".class") && !it.contains('$') && !it.startsWith("META-INF/") }
            .map { it.removeSuffix(".class").replace('/', '.') }
            .toList()
    }

private fun rootCause(t: Throwable): Throwable =
    if (t is InvocationTargetException && t.targetException != null) rootCause(t.targetException) else t

private fun describe(t: Throwable, testClass: String): String {
    val sb = StringBuilder("${t.javaClass.name}: ${t.message}")
    // Show the frames inside the test class (where the assertion was), max 5.
    t.stackTrace.filter { it.className.startsWith(testClass) }.take(5).forEach { sb.append("\n        at $it") }
    t.cause?.let { sb.append("\n    caused by ${it.javaClass.name}: ${it.message}") }
    return sb.toString()
}

fun main(args: Array<String>) {
    var filter: String? = null
    val jars = mutableListOf<File>()
    var i = 0
    while (i < args.size) {
        if (args[i] == "--filter" && i + 1 < args.size) { filter = args[i + 1]; i += 2 } else { jars += File(args[i]); i++ }
    }
    if (jars.isEmpty()) { System.err.println("usage: TestRunnerKt <tests.jar>... [--filter SUBSTRING]"); exitProcess(2) }

    val loader = Thread.currentThread().contextClassLoader
    val tests = jars.flatMap(::classNamesIn).sorted().mapNotNull { name ->
        val cls = try { Class.forName(name, false, loader) } catch (e: Throwable) { return@mapNotNull null }
        if (Modifier.isAbstract(cls.modifiers) || cls.isInterface) return@mapNotNull null
        val methods = cls.methods.filter { it.has(TEST) && it.parameterCount == 0 }.sortedBy { it.name }
        if (methods.isEmpty()) null else cls to methods
    }

    var passed = 0
    var failed = 0
    var skipped = 0
    for ((cls, methods) in tests) {
        val before = cls.methods.filter { it.has(BEFORE) }
        val after = cls.methods.filter { it.has(AFTER) }
        for (m in methods) {
            val name = "${cls.simpleName}.${m.name}"
            if (filter != null && !name.contains(filter)) continue
            if (m.has(IGNORE) || cls.annotations.any { it.annotationClass.java.name == IGNORE }) {
                println("SKIP $name"); skipped++; continue
            }
            val start = System.nanoTime()
            var error: Throwable? = null
            try {
                val instance = if (Modifier.isStatic(m.modifiers)) null else cls.getDeclaredConstructor().newInstance()
                try {
                    before.forEach { it.invoke(instance) }
                    m.invoke(instance)
                } finally {
                    after.forEach { it.invoke(instance) }
                }
            } catch (t: Throwable) {
                error = rootCause(t)
            }
            val ms = (System.nanoTime() - start) / 1_000_000
            if (error == null) {
                println("PASS $name ($ms ms)"); passed++
            } else {
                println("FAIL $name ($ms ms): ${describe(error, cls.name)}"); failed++
            }
        }
    }
    val summary = "kotlin: $passed passed, $failed failed" + if (skipped > 0) ", $skipped skipped" else ""
    if (passed == 0 && failed == 0) System.err.println("kotlin: no tests ran (looked in ${jars.joinToString()})")
    println(summary)
    System.out.flush()
    exitProcess(if (failed > 0 || passed == 0) 1 else 0)
}
