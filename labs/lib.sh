# Shared by every lab's setup.sh and solution.sh (sourced, not run): the AWS CLI pointed at the emulator and
# create-if-missing helpers, so each script can run again without errors or duplicates.
# Needs: the AWS CLI (v1 or v2) and python3 (to zip handlers).
set -euo pipefail

ENDPOINT="${AWS_ENDPOINT_URL:-http://localhost:4566}"
# Only an emulator on this machine, unless the script was given --allow-remote: another host may be real AWS.
case "$ENDPOINT" in
  http://localhost* | http://127.* | https://localhost* | http://*.localhost.localstack.cloud*) ;;
  *)
    if [[ " $* " != *" --allow-remote "* ]]; then
      echo "$ENDPOINT is not on this machine (it may be real AWS); pass --allow-remote to use it" >&2
      exit 2
    fi
    ;;
esac
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_DEFAULT_REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
export AWS_PAGER=""
REGION="$AWS_DEFAULT_REGION"
LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"

# The AWS CLI against the emulator, plain text out.
awsl() { aws --endpoint-url "$ENDPOINT" --output text "$@"; }

say() { printf '  %s\n' "$*"; }

# Each AWS CLI call costs most of a second to start, so the helpers make one call where they can: they create, and
# take "already exists" as success instead of asking first.

# once COMMAND...: runs an AWS CLI command; an "already exists" answer counts as success (and prints nothing).
once() {
  local out
  if out=$("$@" 2>&1); then
    [ -z "$out" ] || echo "$out"
  elif grep -qE 'AlreadyExists|ResourceInUse|ResourceConflict|BucketAlreadyOwnedByYou|ConflictException' <<<"$out"; then
    return 0
  else
    echo "$out" >&2
    return 1
  fi
}

# bg COMMAND...: starts a step in the background; wait_all waits for every started step and fails if one failed.
# Independent creates run side by side: each CLI call spends most of its time starting up, not waiting on the emulator.
PIDS=()
bg() {
  "$@" &
  PIDS+=($!)
}
wait_all() {
  local rc=0 pid
  for pid in "${PIDS[@]}"; do wait "$pid" || rc=1; done
  PIDS=()
  return $rc
}

ACCOUNT=""
account_id() {
  [ -n "$ACCOUNT" ] || ACCOUNT=$(awsl sts get-caller-identity --query Account)
  echo "$ACCOUNT"
}
function_arn() { echo "arn:aws:lambda:$REGION:$(account_id):function:$1"; }
queue_arn() { echo "arn:aws:sqs:$REGION:$(account_id):$1"; }
queue_url() { awsl sqs get-queue-url --queue-name "$1" --query QueueUrl; }
topic_arn() { echo "arn:aws:sns:$REGION:$(account_id):$1"; }
role_arn() { echo "arn:aws:iam::$(account_id):role/$1"; }

# ensure_role NAME [POLICY_JSON]: a role Lambda can assume; the inline policy "lab" is (re)written when given.
# Sets ACCOUNT from the role's ARN, which saves the scripts an STS call.
ensure_role() {
  local name=$1 policy=${2:-} arn
  arn=$(once awsl iam create-role --role-name "$name" --query Role.Arn --assume-role-policy-document \
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}')
  [ -n "$arn" ] || arn=$(awsl iam get-role --role-name "$name" --query Role.Arn)
  ACCOUNT=$(cut -d: -f5 <<<"$arn")
  if [ -n "$policy" ]; then awsl iam put-role-policy --role-name "$name" --policy-name lab --policy-document "$policy"; fi
}

# ensure_function NAME HANDLER_FILE ROLE [EXTRA_ARGS...]: a function whose entry point is `handler` in HANDLER_FILE
# (Python 3.12 for .py, Node.js 20 for .mjs); the package holds every file of the lab's handlers/ folder, so handlers
# can share code. EXTRA_ARGS go to create-function (--environment, say).
ensure_function() {
  local name=$1 file=$2 role=$3 dir runtime
  shift 3
  case "$file" in
    *.mjs) runtime=nodejs20.x ;;
    *) runtime=python3.12 ;;
  esac
  dir="$(mktemp -d)"
  python3 -m zipfile -c "$dir/code.zip" "$LAB_DIR"/handlers/*.*
  once awsl lambda create-function --function-name "$name" --runtime "$runtime" --role "$(role_arn "$role")" \
    --handler "${file%.*}.handler" --zip-file "fileb://$dir/code.zip" --timeout 30 "$@" --query FunctionArn >/dev/null
  rm -rf "$dir"
}

# ensure_queue NAME [ATTRIBUTES_JSON]: CreateQueue answers the existing queue when the attributes are the same.
ensure_queue() {
  if [ -n "${2:-}" ]; then awsl sqs create-queue --queue-name "$1" --attributes "$2" >/dev/null
  else awsl sqs create-queue --queue-name "$1" >/dev/null; fi
}

ensure_topic() { awsl sns create-topic --name "$1" >/dev/null; }

ensure_bucket() { once awsl s3api create-bucket --bucket "$1" >/dev/null; }

# ensure_table NAME CREATE_TABLE_ARGS...
ensure_table() {
  local name=$1
  shift
  once awsl dynamodb create-table --table-name "$name" --billing-mode PAY_PER_REQUEST "$@" --query TableDescription.TableArn >/dev/null
}

# ensure_mapping SOURCE_ARN FUNCTION [EXTRA_ARGS...]: one event source mapping from the source to the function.
ensure_mapping() {
  local source=$1 fn=$2
  shift 2
  if [ "$(awsl lambda list-event-source-mappings --event-source-arn "$source" --function-name "$fn" \
    --query 'length(EventSourceMappings)')" != 0 ]; then return; fi
  awsl lambda create-event-source-mapping --event-source-arn "$source" --function-name "$fn" "$@" >/dev/null
}

# ensure_subscription TOPIC_ARN PROTOCOL ENDPOINT [EXTRA_ARGS...]: SNS answers the same subscription again for the
# same arguments (EXTRA_ARGS: --attributes with a filter policy, say).
ensure_subscription() {
  local topic=$1 protocol=$2 endpoint=$3
  shift 3
  awsl sns subscribe --topic-arn "$topic" --protocol "$protocol" --notification-endpoint "$endpoint" "$@" >/dev/null
}

# http_api_id NAME: the id of the API Gateway v2 API (HTTP or WebSocket) with that name, empty when there is none.
http_api_id() { awsl apigatewayv2 get-apis --query "Items[?Name=='$1'].ApiId | [0]" | grep -v '^None$' || true; }
rest_api_id() { awsl apigateway get-rest-apis --query "items[?name=='$1'].id | [0]" | grep -v '^None$' || true; }

lambda_uri() { echo "arn:aws:apigateway:$REGION:lambda:path/2015-03-31/functions/$(function_arn "$1")/invocations"; }

# ensure_routes API_ID ROUTE_KEY=FUNCTION...: API Gateway v2 routes, each with a Lambda proxy integration; routes
# that exist are left alone.
ensure_routes() {
  local api=$1 existing pair key fn integration
  shift
  existing=$(awsl apigatewayv2 get-routes --api-id "$api" --query 'Items[].RouteKey')
  for pair in "$@"; do
    key=${pair%%=*} fn=${pair#*=}
    if grep -qxF -- "$key" <<<"$(tr '\t' '\n' <<<"$existing")"; then continue; fi
    integration=$(awsl apigatewayv2 create-integration --api-id "$api" --integration-type AWS_PROXY \
      --integration-uri "$(lambda_uri "$fn")" --query IntegrationId)
    awsl apigatewayv2 create-route --api-id "$api" --route-key "$key" --target "integrations/$integration" >/dev/null
  done
}

# ensure_rest_resource API_ID PATH: prints the id of the REST API resource /PATH (one level under /), created when
# missing.
ensure_rest_resource() {
  local api=$1 path=$2 resources root resource
  resources=$(awsl apigateway get-resources --rest-api-id "$api" --query 'items[].[path,id]')
  resource=$(awk -v p="/$path" '$1 == p { print $2 }' <<<"$resources")
  if [ -z "$resource" ]; then
    root=$(awk '$1 == "/" { print $2 }' <<<"$resources")
    resource=$(awsl apigateway create-resource --rest-api-id "$api" --parent-id "$root" --path-part "$path" --query id)
  fi
  echo "$resource"
}

# ensure_rest_route API_ID PATH METHOD FUNCTION: a REST API resource (one level under /) and method with a Lambda
# proxy integration (PutIntegration replaces an existing one).
ensure_rest_route() {
  local api=$1 path=$2 method=$3 fn=$4 resource
  resource=$(ensure_rest_resource "$api" "$path")
  once awsl apigateway put-method --rest-api-id "$api" --resource-id "$resource" --http-method "$method" \
    --authorization-type NONE >/dev/null
  awsl apigateway put-integration --rest-api-id "$api" --resource-id "$resource" --http-method "$method" \
    --type AWS_PROXY --integration-http-method POST --uri "$(lambda_uri "$fn")" >/dev/null
}
