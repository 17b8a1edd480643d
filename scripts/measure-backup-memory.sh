#!/usr/bin/env bash
# Peak memory of `kefir backup import` on five 63 MiB hostile backups
# (issue 12: under 300 MB). Recorded in BENCHMARKS.md.
#
#   bash scripts/measure-backup-memory.sh        (PROFILE=release|debug, default debug)
#
# Files: 475 000 minimal drinks (valid, imported); one plan with 450 000
# days (refused: duplicate days); one check-in with 1.9 million symptom
# entries (refused: duplicates); an unknown top-level key holding 33
# million zeros (refused: unknown field; the old JSON-tree parse peaked at
# 1.1 GB on files like it); settings.reminders as a JSON *string* holding
# {"checkin_times":["20:30",...]} with 5.7 million times (refused: longer
# than any setting; parsing the string peaked at 433 MB); and the drinks
# file encrypted by `age -p` (imported with its passphrase). Peak RSS from
# GNU time (`/usr/bin/time -v`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PROFILE="${PROFILE:-debug}"
if [[ ! -x /usr/bin/time ]]; then
  echo "measure-backup-memory: GNU time missing (apt-get install time)" >&2
  exit 1
fi
if [[ $PROFILE == release ]]; then cargo build -q --release -p kefir-cli; else cargo build -q -p kefir-cli; fi
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/$PROFILE/kefir"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
N = 63 * 1024 * 1024
base = {"format": "kefir-backup", "version": 1, "app_version": "0.1.0", "exported_at": "2026-11-20T10:00:00Z",
        "drinks": [], "profile_versions": [], "clinician_acks": [], "checkins": [], "reactions": [], "doses": [],
        "plans": [], "settings": {}}
head = json.dumps(base)
def many(item):
    return ",".join([item] * (N // (len(item) + 1)))
d = '{"at":"2026-11-01T08:00:00Z","ml":1,"kind":"water","source":"commercial","note":null,"batch":null,"created_at":"2026-11-01T08:00:00Z"}'
open(f"{w}/drinks.json", "w").write(head.replace('"drinks": []', '"drinks": [' + many(d) + ']'))
pd = '{"day":"2026-11-01","step":0,"days_at_step":1,"target_ml":50,"decision":"start","reason":"","rule_ids":[],"decided_at":"2026-11-01T08:00:00Z"}'
plan = ('{"started_day":"2026-11-01","started_at":"2026-11-01T08:00:00Z","start_ml":50,"target_ml":150,"step_ml":25,'
        '"hold_days":3,"status":"active","days":[' + many(pd) + ']}')
open(f"{w}/plandays.json", "w").write(head.replace('"plans": []', '"plans": [' + plan + ']'))
sym = '{"symptom":"gas","severity":"mild"}'
ck = '{"day":"2026-11-01","at":"2026-11-01T20:00:00Z","symptoms":[' + many(sym) + '],"bristol":4,"note":null,"level":"info","rule_ids":[]}'
open(f"{w}/symptoms.json", "w").write(head.replace('"checkins": []', '"checkins": [' + ck + ']'))
inner = json.dumps({"checkin_times": ["20:30"] * 5700000})
open(f"{w}/setting.json", "w").write(head.replace('"settings": {}', '"settings": {"reminders": ' + json.dumps(inner) + '}'))
open(f"{w}/zeros.json", "w").write('{"format":"kefir-backup","version":1,"x":[' + ",".join(["0"] * ((N - 100) // 2)) + ']}')
PY
# Encrypted (issue 17): the drinks file encrypted by the standard `age -p`
# (scrypt work factor 2^18, 256 MiB, the most an import accepts), imported
# with its passphrase: the key derivation runs before the payload is read,
# so its memory and the backup's are not needed at once.
files="drinks.json plandays.json symptoms.json zeros.json setting.json"
export KEFIR_BACKUP_PASSPHRASE="seven tired otters sing kefir songs"
if command -v age >/dev/null 2>&1; then
  python3 - "$WORK/drinks.json" "$WORK/drinks.age" <<'PY'
import os, pty, sys
src, dst = sys.argv[1], sys.argv[2]
pw = os.environ["KEFIR_BACKUP_PASSPHRASE"].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp("age", ["age", "-p", "-o", dst, src])
out = b""
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    before = out.count(b"passphrase")
    out += data
    for _ in range(out.count(b"passphrase") - before):
        os.write(fd, pw + b"\r")
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
PY
  files="$files drinks.age"
else
  echo "measure-backup-memory: age missing (apt-get install age): the encrypted case is skipped" >&2
  [[ "${CI:-}" == true ]] && exit 1
fi
worst=0
for f in $files; do
  rm -f "$WORK"/k.db*
  rc=0
  /usr/bin/time -v "$BIN" --db "$WORK/k.db" --tz UTC --now 2026-11-20T10:00:00Z backup import "$WORK/$f" --replace --yes \
    >/dev/null 2>"$WORK/err" || rc=$?
  kb=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$WORK/err")
  printf '%-12s %8s bytes  exit %s  peak %4d MB  %s\n' "$f" "$(stat -c %s "$WORK/$f")" "$rc" $((kb / 1024)) \
    "$(grep -m1 'kefir: error' "$WORK/err" | cut -c1-90)"
  ((kb > worst)) && worst=$kb
done
echo "backup memory: worst peak $((worst / 1024)) MB (limit 300 MB)"
((worst < 300 * 1024))
