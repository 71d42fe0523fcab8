#!/usr/bin/env bash
# ./iotahome demo: the whole system on this machine (README.md). A local tangle node, a simulated
# DSMR 5.0 meter on a virtual serial port (a socat pty pair), the device reading it, My Home and
# one service provider; their URLs are printed. Ctrl-C stops everything. State lives in .demo/,
# so a second run resumes (delete .demo/ to start afresh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEMO="$ROOT/.demo"
NODE_PORT="${DEMO_NODE_PORT:-14265}"
HOME_PORT="${DEMO_HOME_PORT:-8081}"
PROVIDER_PORT="${DEMO_PROVIDER_PORT:-8082}"
MWM="${DEMO_MWM:-9}"
NODE_URL="http://127.0.0.1:$NODE_PORT"
DEVICE_PORT="${DEMO_DEVICE_PORT:-8088}"
# My Home on localhost, the provider on 127.0.0.1: browsers keep cookies per host, not per port, so
# the household's session and the provider staff's session (and their CSRF cookies) stay apart.
PROVIDER_URL="http://127.0.0.1:$PROVIDER_PORT"
JAVA=(java --add-modules jdk.incubator.vector)

say() { printf 'demo: %s\n' "$*" >&2; }
pids=()
cleanup() {
  trap - EXIT INT TERM
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  say "stopped; logs and state are in $DEMO"
}
trap cleanup EXIT INT TERM

# start NAME COMMAND...: runs a role in the background, its output in .demo/NAME.log
start() {
  local name="$1"; shift
  "$@" > "$DEMO/$name.log" 2>&1 &
  pids+=($!)
}

# waits until a command succeeds, or fails naming the role and its log
wait_for() {
  local name="$1" tries="$2"; shift 2
  for _ in $(seq 1 "$tries"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  say "$name did not come up; see $DEMO/$name.log:"; tail -20 "$DEMO/$name.log" >&2; exit 1
}

mkdir -p "$DEMO"
# Build only what is missing or older than its sources: a second run starts at once.
jars=("$ROOT/tangle-node/target/quarkus-app/quarkus-run.jar" "$ROOT/device/target/quarkus-app/quarkus-run.jar"
      "$ROOT/home/target/quarkus-app/quarkus-run.jar" "$ROOT/provider/target/quarkus-app/quarkus-run.jar" "$ROOT/cli/target/iotahome-cli.jar")
stale=""
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT" -path '*/src/main/*' -newer "$jar" -print -quit 2>/dev/null)" ]; then stale=1; fi
done
if [ -n "$stale" ]; then
  say "building (first run, or sources changed: mvn package, no tests; a few minutes)"
  mvn -B -q --no-transfer-progress -Dstyle.color=never package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
fi

start node "${JAVA[@]}" -Dtangle.port="$NODE_PORT" -Dtangle.data-dir="$DEMO/tangle" \
  -Dtangle.min-weight-magnitude="$MWM" -jar "$ROOT/tangle-node/target/quarkus-app/quarkus-run.jar"
wait_for node 120 curl -sf -X POST "$NODE_URL" -H 'X-IOTA-API-Version: 1' -d '{"command":"getNodeInfo"}'

start socat socat "pty,raw,echo=0,link=$DEMO/meter-in" "pty,raw,echo=0,link=$DEMO/meter-out"
wait_for socat 40 test -e "$DEMO/meter-out"
start meter java -jar "$ROOT/cli/target/iotahome-cli.jar" meter --port "$DEMO/meter-in"

start device env P1_SERIAL_PORT="$DEMO/meter-out" SMART_METER_VERSION=5.0 IOTA_PROVIDER="$NODE_URL" \
  IOTA_MIN_WEIGHT_MAGNITUDE="$MWM" IOTAHOME_DATA="$DEMO/device" DEVICE_PUBLISH_INTERVAL=15s DEVICE_HTTP_PORT="$DEVICE_PORT" \
  java -jar "$ROOT/device/target/quarkus-app/quarkus-run.jar"
start home env IOTA_PROVIDER="$NODE_URL" IOTA_MIN_WEIGHT_MAGNITUDE="$MWM" IOTAHOME_DATA="$DEMO/home" \
  java -Dquarkus.http.port="$HOME_PORT" -jar "$ROOT/home/target/quarkus-app/quarkus-run.jar"
start provider env IOTA_PROVIDER="$NODE_URL" IOTA_MIN_WEIGHT_MAGNITUDE="$MWM" IOTAHOME_DATA="$DEMO/provider" \
  MY_HOME_URL="http://localhost:$HOME_PORT" PROVIDER_PUBLIC_URL="$PROVIDER_URL" \
  java -Dquarkus.http.port="$PROVIDER_PORT" -jar "$ROOT/provider/target/quarkus-app/quarkus-run.jar"

wait_for home 120 curl -sf "http://localhost:$HOME_PORT/"
wait_for provider 120 curl -sf "$PROVIDER_URL/api/identity"
wait_for device 120 grep -q "not paired\|paired with\|pairing pending" "$DEMO/device.log"

# A demo household account, made once through My Home's own sign-up form (with its CSRF token).
DEMO_USER=demo
if [ ! -f "$DEMO/home-demo-password" ]; then
  # (no pipefail here: head closing the pipe is how tr is meant to stop)
  (umask 077; set +o pipefail; tr -dc 'a-km-z2-9' </dev/urandom | head -c 16 > "$DEMO/home-demo-password")
fi
demo_password="$(cat "$DEMO/home-demo-password")"
if [ ! -f "$DEMO/home-demo-account" ]; then
jar="$DEMO/.signup-cookies"
token="$(curl -sf -c "$jar" "http://localhost:$HOME_PORT/signup" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1 || true)"
created="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -H "Origin: http://localhost:$HOME_PORT" \
  --data-urlencode "csrf-token=$token" --data-urlencode "username=$DEMO_USER" \
  --data-urlencode "password=$demo_password" --data-urlencode "repeated=$demo_password" "http://localhost:$HOME_PORT/signup")"
rm -f "$jar"
case "$created" in
  2??|3??) touch "$DEMO/home-demo-account" ;;
  *) say "could not make the demo account (HTTP $created); sign up by hand at http://localhost:$HOME_PORT/signup" ;;
esac
fi

# The secret never goes to a log (PROTOCOL.md §4): read it as a person with the device would.
pairing="$(IOTAHOME_DATA="$DEMO/device" "$ROOT/iotahome" device pairing-text)"
if curl -sf "http://127.0.0.1:$DEVICE_PORT/status" | grep -q '"state":"PAIRED"'; then
  step2="The device is paired already (a second run resumes). './iotahome device reset' with
     IOTAHOME_DATA=$DEMO/device unpairs it, to pair again."
else
  step2="Add a device with this pairing text (also on the device's status page, as a QR code):
       $pairing"
fi
staff="$(cat "$DEMO/provider/staff-password" 2>/dev/null || echo "(see $DEMO/provider/staff-password)")"

cat <<TXT

  iotahome demo is running (logs in $DEMO/*.log; Ctrl-C stops it; a second run resumes)

  tangle node   $NODE_URL   (IRI API, MWM $MWM)
  meter         a simulated DSMR 5.0 meter, a telegram a second on $DEMO/meter-out
  device        http://127.0.0.1:$DEVICE_PORT/   (its status page: pairing text and QR code)
  My Home       http://localhost:$HOME_PORT/   (household: $DEMO_USER / $demo_password)
  provider      $PROVIDER_URL/   (Wattt Insights; staff dashboard $PROVIDER_URL/dashboard: staff / $staff)

  1. Sign in to My Home at http://localhost:$HOME_PORT/ as $DEMO_USER / $demo_password.
  2. $step2
  3. Open the provider at $PROVIDER_URL/ and click "Connect your smart meter":
     My Home shows what it asks; Grant sends you back to the provider.
  4. Sign in to the provider's dashboard ($PROVIDER_URL/dashboard) and watch the household's
     power chart move; revoke the policy in My Home and see the provider stop receiving readings
     after the device's key rotation, keeping what it had.

TXT
wait
