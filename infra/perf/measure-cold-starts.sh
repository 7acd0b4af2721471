#!/usr/bin/env bash
# Cold starts of a deployed Firebell stack, as Lambda reports them: for the chat and alarm functions, ROUNDS times,
#   - an on-demand cold start of $LATEST (what runs when SnapStart is off or not offered): "Init Duration";
#   - a SnapStart restore of a version published for the round: "Restore Duration" (docs/adr/0050, 0053);
# and the "Duration" of the first request after each. What only a real account shows: the cold-start bench
# (docs/performance.md) measures the JVM side on a development machine, not Lambda's restore.
#
# Usage: infra/perf/measure-cold-starts.sh STACK [ROUNDS]     (ROUNDS defaults to 5)
#
# Needs the AWS CLI v2 and jq, credentials allowed to change and invoke the stack's functions and read their logs.
# Each round changes a function's configuration (an environment variable, and the system log level, which the
# template sets to WARN, to INFO, since Lambda only logs REPORT lines at INFO): that retires its warm environments.
# At the end the configuration is put back and the versions published here are deleted; the `live` alias is never
# touched, so Slack and the alarms keep reaching the deployed version throughout.
#
# What is invoked: the chat function with a Function URL request that carries no signature (answered 401 after its
# signing secret is read), or, when FIREBELL_SLACK_SIGNING_SECRET and FIREBELL_SLACK_TEAM_ID are set, a signed
# `/incident help` (answered 200; reads and writes nothing); the alarm function with a state change of an alarm named
# `Firebell/<stack>/perf-probe`, which it ignores (a Firebell stack's own alarm: nothing read, written or paged).
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
STACK="$1"
ROUNDS="${2:-5}"
for tool in aws jq; do
  command -v "$tool" >/dev/null || { echo "measure-cold-starts: $tool is required" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
START_MS="$(( $(date +%s) * 1000 ))"

function_name() {
  aws cloudformation describe-stack-resource --stack-name "$STACK" --logical-resource-id "$1" \
    --query StackResourceDetail.PhysicalResourceId --output text
}

chat_event() {
  local body timestamp headers
  body="team_id=${FIREBELL_SLACK_TEAM_ID:-T0PERF}&user_id=U0PERF&user_name=perf&channel_id=C0PERF&command=%2Fincident&text=help&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0PERF%2F1%2Fperf&trigger_id=perf"
  timestamp="$(date +%s)"
  headers='{"content-type":"application/x-www-form-urlencoded"}'
  if [[ -n "${FIREBELL_SLACK_SIGNING_SECRET:-}" && -n "${FIREBELL_SLACK_TEAM_ID:-}" ]]; then
    local signature
    signature="v0=$(printf 'v0:%s:%s' "$timestamp" "$body" | openssl dgst -sha256 -hmac "$FIREBELL_SLACK_SIGNING_SECRET" | sed 's/^.*= //')"
    headers="$(jq -cn --arg ts "$timestamp" --arg sig "$signature" \
      '{"content-type":"application/x-www-form-urlencoded","x-slack-request-timestamp":$ts,"x-slack-signature":$sig}')"
  fi
  jq -cn --argjson headers "$headers" --arg body "$(printf '%s' "$body" | base64 -w0)" \
    '{version:"2.0",routeKey:"$default",rawPath:"/",rawQueryString:"",headers:$headers,
      requestContext:{http:{method:"POST",path:"/",sourceIp:"192.0.2.1"}},body:$body,isBase64Encoded:true}'
}

alarm_event() {
  local now
  now="$(date -u +%Y-%m-%dT%H:%M:%S.000+0000)"
  jq -cn --arg name "Firebell/${STACK}/perf-probe" --arg now "$now" \
    '{version:"0",id:"00000000-0000-0000-0000-000000000000","detail-type":"CloudWatch Alarm State Change",
      source:"aws.cloudwatch",account:"000000000000",time:"2026-01-01T00:00:00Z",region:"us-east-1",
      resources:["arn:aws:cloudwatch:us-east-1:000000000000:alarm:\($name)"],
      detail:{alarmName:$name,state:{value:"ALARM",reason:"perf probe",timestamp:$now},
        previousState:{value:"OK",reason:"perf probe",timestamp:$now},configuration:{metrics:[]}}}'
}

invoke() { # function qualifier event-file
  aws lambda invoke --function-name "$1" --qualifier "$2" --cli-binary-format raw-in-base64-out \
    --payload "fileb://$3" "$WORK/answer.json" >/dev/null
}

measure() { # logical-id event-function
  local logical="$1" make_event="$2" fn original logging variables versions=()
  fn="$(function_name "$logical")"
  original="$(aws lambda get-function-configuration --function-name "$fn")"
  logging="$(jq -c '.LoggingConfig' <<<"$original")"
  variables="$(jq -c '.Environment.Variables // {}' <<<"$original")"
  echo "== $logical ($fn), $ROUNDS rounds" >&2
  for round in $(seq 1 "$ROUNDS"); do
    aws lambda update-function-configuration --function-name "$fn" \
      --environment "$(jq -c --arg r "$round-$START_MS" '{Variables: (. + {FIREBELL_PERF_ROUND: $r})}' <<<"$variables")" \
      --logging-config "$(jq -c '. + {SystemLogLevel: "INFO"}' <<<"$logging")" >/dev/null
    aws lambda wait function-updated-v2 --function-name "$fn"
    "$make_event" >"$WORK/event.json"
    invoke "$fn" '$LATEST' "$WORK/event.json"                       # on-demand: Init Duration
    local version
    version="$(aws lambda publish-version --function-name "$fn" --description "measure-cold-starts round $round" \
      --query Version --output text)"
    versions+=("$version")
    aws lambda wait published-version-active --function-name "$fn" --qualifier "$version"
    "$make_event" >"$WORK/event.json"
    invoke "$fn" "$version" "$WORK/event.json"                       # SnapStart: Restore Duration
    echo "   round $round: \$LATEST and version $version invoked" >&2
  done
  aws lambda update-function-configuration --function-name "$fn" \
    --environment "$(jq -c '{Variables: .}' <<<"$variables")" --logging-config "$logging" >/dev/null
  aws lambda wait function-updated-v2 --function-name "$fn"
  for version in "${versions[@]}"; do
    aws lambda delete-function --function-name "$fn" --qualifier "$version"
  done
  LOG_GROUPS+=("$(jq -r --arg fn "$fn" '.LoggingConfig.LogGroup // "/aws/lambda/\($fn)"' <<<"$original")")
}

LOG_GROUPS=()
measure ChatFunction chat_event
measure AlarmIngestFunction alarm_event

sleep 15 # REPORT lines reach CloudWatch Logs within seconds
echo "log-group	version	init-ms	restore-ms	duration-ms	billed-ms"
for group in "${LOG_GROUPS[@]}"; do
  # Log streams are named <date>/[<version>]<id>; JSON logs carry the REPORT line as a platform.report record.
  aws logs filter-log-events --log-group-name "$group" --start-time "$START_MS" \
    --filter-pattern '{ $.type = "platform.report" }' --output json \
  | jq -r --arg g "$group" '.events[] | (.message | fromjson) as $m
      | select($m.record.metrics.initDurationMs or $m.record.metrics.restoreDurationMs)
      | [$g, (.logStreamName | capture("\\[(?<v>[^]]+)\\]").v), ($m.record.metrics.initDurationMs // "-"),
         ($m.record.metrics.restoreDurationMs // "-"), $m.record.metrics.durationMs, $m.record.metrics.billedDurationMs]
      | @tsv'
done
# The same over a longer period in CloudWatch Logs Insights, on the two log groups:
#   filter type = "platform.report"
#   | parse @logStream "[*]" as version
#   | stats count(*), pct(record.metrics.initDurationMs, 50), pct(record.metrics.restoreDurationMs, 50),
#           pct(record.metrics.durationMs, 50) by version
