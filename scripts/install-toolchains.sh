#!/usr/bin/env bash
# Idempotent installers for the toolchains the cross-language tests need.
#
#   scripts/install-toolchains.sh [kotlin|swift|all]     (default: all)
#
# kotlin: npm package `kotlin-compiler` (kotlinc + stdlib, kotlin-test,
#         kotlinx-coroutines jars) into $KEFIR_TOOLCHAINS_DIR/kotlin, plus JNA
#         (Debian libjna-java) and a JDK (default-jdk-headless) via apt.
# swift:  a Debian trixie chroot (debootstrap, minbase) with `swiftlang`
#         into $KEFIR_TOOLCHAINS_DIR/swift-trixie. Host is bookworm, whose
#         glibc is too old for trixie's swift, hence the chroot.
#
# Each toolchain writes a marker file when complete; a second run is a no-op.
# Long installs log to $KEFIR_TOOLCHAINS_DIR/logs/*.log; only a summary is
# printed. Exits non-zero with a loud error if a toolchain cannot be installed.
set -euo pipefail

TOOLCHAINS_DIR="${KEFIR_TOOLCHAINS_DIR:-/opt/kefir-toolchains}"
KOTLIN_DIR="$TOOLCHAINS_DIR/kotlin"
KOTLIN_NPM_VERSION="${KEFIR_KOTLIN_NPM_VERSION:-2.4.20}"
KOTLIN_MARKER="$KOTLIN_DIR/.kefir-installed-$KOTLIN_NPM_VERSION"
SWIFT_ROOT="$TOOLCHAINS_DIR/swift-trixie"
SWIFT_MARKER="$SWIFT_ROOT/.kefir-installed"
SWIFT_BOOTSTRAP_MARKER="$SWIFT_ROOT/.kefir-debootstrap-done"
DEBIAN_MIRROR="${KEFIR_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
LOG_DIR="$TOOLCHAINS_DIR/logs"

log() { printf '[install-toolchains] %s\n' "$*" >&2; }

loud_error() {
  # $1 = toolchain, $2.. = detail lines
  local what="$1"
  shift
  {
    echo
    echo "################################################################"
    echo "##  ERROR: the $what toolchain is NOT available and could not"
    echo "##  be installed. Cross-language $what tests CANNOT run."
    echo "##"
    local line
    for line in "$@"; do echo "##  $line"; done
    echo "##"
    echo "##  Re-run: scripts/install-toolchains.sh $what"
    echo "##  Logs:   $LOG_DIR/"
    echo "################################################################"
    echo
  } >&2
}

need_root() {
  if [[ $(id -u) -ne 0 ]]; then
    loud_error "$1" "Installing needs root (apt-get, debootstrap, chroot)."
    return 1
  fi
}

APT_UPDATED=0
apt_install() {
  # apt_install LOGFILE PKG...: install Debian packages on the host if missing.
  local logfile="$1"
  shift
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "apt-get install ${missing[*]} (log: $logfile)"
  if [[ $APT_UPDATED -eq 0 ]]; then
    apt-get update >>"$logfile" 2>&1 || return 1
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$logfile" 2>&1
}

# ---------------------------------------------------------------- kotlin ---
kotlin_installed() {
  [[ -f "$KOTLIN_MARKER" ]] && command -v java >/dev/null 2>&1 &&
    [[ -f /usr/share/java/jna.jar && -f /usr/share/java/junit4.jar ]]
}

install_kotlin() {
  if kotlin_installed; then
    log "kotlin: already installed ($KOTLIN_DIR)"
    return 0
  fi
  need_root kotlin || return 1
  mkdir -p "$KOTLIN_DIR" "$LOG_DIR"
  local logfile="$LOG_DIR/kotlin.log" start=$SECONDS
  : >"$logfile"
  local jdk_pkgs=()
  command -v javac >/dev/null 2>&1 || jdk_pkgs+=(default-jdk-headless)
  # junit4: kotlin.test.Test is a typealias of org.junit.Test on the JVM
  # (via kotlin-test-junit.jar); our runner discovers tests by that annotation.
  if ! apt_install "$logfile" libjna-java junit4 "${jdk_pkgs[@]}"; then
    loud_error kotlin "apt-get install libjna-java junit4 ${jdk_pkgs[*]} failed." "See $logfile"
    return 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    if ! apt_install "$logfile" npm; then
      loud_error kotlin "npm is missing and apt-get install npm failed." "See $logfile"
      return 1
    fi
  fi
  log "kotlin: npm install kotlin-compiler@$KOTLIN_NPM_VERSION into $KOTLIN_DIR (log: $logfile)"
  if ! npm install --prefix "$KOTLIN_DIR" --no-audit --no-fund \
    "kotlin-compiler@$KOTLIN_NPM_VERSION" >>"$logfile" 2>&1; then
    loud_error kotlin "npm install kotlin-compiler@$KOTLIN_NPM_VERSION failed." "See $logfile"
    return 1
  fi
  local kotlinc
  kotlinc=$(kotlin_home)/bin/kotlinc
  if [[ ! -x "$kotlinc" ]]; then
    loud_error kotlin "npm package installed but no kotlinc found under $KOTLIN_DIR."
    return 1
  fi
  if ! "$kotlinc" -version >>"$logfile" 2>&1; then
    loud_error kotlin "$kotlinc -version failed." "See $logfile"
    return 1
  fi
  touch "$KOTLIN_MARKER"
  log "kotlin: installed in $((SECONDS - start))s: $(tail -n1 "$logfile")"
}

# kotlin_home: directory holding bin/kotlinc and lib/*.jar (printed).
kotlin_home() {
  local d
  for d in "$KOTLIN_DIR"/node_modules/kotlin-compiler/{kotlinc,dist/kotlinc,.} ; do
    [[ -x "$d/bin/kotlinc" ]] && { (cd "$d" && pwd); return 0; }
  done
  d=$(find "$KOTLIN_DIR/node_modules/kotlin-compiler" -path '*/bin/kotlinc' -type f 2>/dev/null | head -n1)
  [[ -n "$d" ]] && { dirname "$(dirname "$d")"; return 0; }
  echo "$KOTLIN_DIR/node_modules/kotlin-compiler/kotlinc"
}

# ----------------------------------------------------------------- swift ---
swift_installed() {
  [[ -f "$SWIFT_MARKER" ]]
}

swift_umount_all() {
  # Unmount anything mounted below the chroot (deepest first).
  local mnts m
  mnts=$(awk -v r="$SWIFT_ROOT/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r)
  for m in $mnts; do umount -l "$m" 2>/dev/null || true; done
}

install_swift() {
  if swift_installed; then
    log "swift: already installed ($SWIFT_ROOT)"
    return 0
  fi
  need_root swift || return 1
  mkdir -p "$TOOLCHAINS_DIR" "$LOG_DIR"
  local logfile="$LOG_DIR/swift.log" start=$SECONDS
  : >"$logfile"
  if ! apt_install "$logfile" debootstrap debian-archive-keyring; then
    loud_error swift "apt-get install debootstrap failed." "See $logfile"
    return 1
  fi
  if [[ ! -f "$SWIFT_BOOTSTRAP_MARKER" ]]; then
    if [[ -e "$SWIFT_ROOT" ]]; then
      log "swift: removing incomplete chroot $SWIFT_ROOT"
      swift_umount_all
      rm -rf --one-file-system "$SWIFT_ROOT"
    fi
    log "swift: debootstrap --variant=minbase trixie $SWIFT_ROOT (log: $logfile)"
    if ! debootstrap --variant=minbase trixie "$SWIFT_ROOT" "$DEBIAN_MIRROR" >>"$logfile" 2>&1; then
      loud_error swift "debootstrap of Debian trixie into $SWIFT_ROOT failed." "See $logfile"
      return 1
    fi
    touch "$SWIFT_BOOTSTRAP_MARKER"
    log "swift: debootstrap done after $((SECONDS - start))s"
  fi
  cp /etc/resolv.conf "$SWIFT_ROOT/etc/resolv.conf" 2>/dev/null || true
  mountpoint -q "$SWIFT_ROOT/proc" || mount -t proc proc "$SWIFT_ROOT/proc"
  local rc=0
  {
    chroot "$SWIFT_ROOT" apt-get update &&
      DEBIAN_FRONTEND=noninteractive chroot "$SWIFT_ROOT" \
        apt-get install -y --no-install-recommends swiftlang libc6-dev
  } >>"$logfile" 2>&1 || rc=$?
  if [[ $rc -eq 0 ]]; then
    chroot "$SWIFT_ROOT" swiftc --version >>"$logfile" 2>&1 || rc=$?
  fi
  umount -l "$SWIFT_ROOT/proc" 2>/dev/null || true
  if [[ $rc -ne 0 ]]; then
    loud_error swift "apt-get install swiftlang inside the trixie chroot failed." "See $logfile"
    return 1
  fi
  touch "$SWIFT_MARKER"
  log "swift: installed in $((SECONDS - start))s: $(grep -m1 -i 'swift version' "$logfile" || true)"
}

main() {
  local what="${1:-all}" rc=0
  case "$what" in
    kotlin) install_kotlin || rc=1 ;;
    swift) install_swift || rc=1 ;;
    all)
      install_kotlin || rc=1
      install_swift || rc=1
      ;;
    -h | --help)
      sed -n '2,15p' "$0"
      return 0
      ;;
    *)
      echo "usage: $0 [kotlin|swift|all]" >&2
      return 2
      ;;
  esac
  return "$rc"
}

# Allow `source scripts/install-toolchains.sh` to reuse the helpers/paths.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
