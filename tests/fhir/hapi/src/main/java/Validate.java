import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates FHIR R4 JSON files with the HL7 reference validator as packaged by
 * HAPI FHIR (hapi-fhir-validation + the bundled R4 definitions), offline: no
 * terminology server, so codes from external systems (SNOMED CT, LOINC, UCUM
 * is built in) are not looked up.
 *
 * Usage: java -cp ... Validate FILE... Prints one line per message
 * ("SEVERITY location: message"); exit 0 when no file has an error or fatal
 * message, 1 otherwise, 64 on a usage error.
 */
public class Validate {
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Validate FILE...");
      System.exit(64);
    }
    FhirContext ctx = FhirContext.forR4();
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx),
        new SnapshotGeneratingValidationSupport(ctx));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setAnyExtensionsAllowed(true);
    FhirValidator validator = ctx.newValidator().registerValidatorModule(module);
    int errors = 0;
    for (String file : args) {
      String json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      ValidationResult result = validator.validateWithResult(json);
      int e = 0, w = 0;
      for (SingleValidationMessage m : result.getMessages()) {
        ResultSeverityEnum s = m.getSeverity();
        if (s == ResultSeverityEnum.ERROR || s == ResultSeverityEnum.FATAL) e++;
        if (s == ResultSeverityEnum.WARNING) w++;
        System.out.println(s.name() + " " + m.getLocationString() + ": " + m.getMessage());
      }
      System.out.println("hapi-validate: " + file + ": " + e + " errors, " + w + " warnings");
      errors += e;
    }
    System.exit(errors == 0 ? 0 : 1);
  }
}
