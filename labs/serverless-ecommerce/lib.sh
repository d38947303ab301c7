# Shared by setup.sh and solution.sh: the endpoint (a local one unless --allow-remote), test credentials, `aws`
# pointed at the emulator, and a zip helper.
ENDPOINT="${1:-${AWS_ENDPOINT_URL:-http://localhost:4566}}"
case "$ENDPOINT" in
  http://localhost* | http://127.* | https://localhost* | http://*.localhost.localstack.cloud*) ;;
  *)
    if [ "${2:-}" != "--allow-remote" ]; then
      echo "$ENDPOINT is not on this machine (it may be real AWS); pass --allow-remote as the second argument to use it" >&2
      exit 2
    fi
    ;;
esac
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

awsl() { aws --endpoint-url "$ENDPOINT" --output text "$@"; }

# The ARN of a queue by name.
queue_arn() {
  awsl sqs get-queue-attributes --queue-url "$(awsl sqs get-queue-url --queue-name "$1" --query QueueUrl)" \
    --attribute-names QueueArn --query Attributes.QueueArn
}
queue_url() { awsl sqs get-queue-url --queue-name "$1" --query QueueUrl; }
function_arn() { awsl lambda get-function-configuration --function-name "$1" --query FunctionArn; }
