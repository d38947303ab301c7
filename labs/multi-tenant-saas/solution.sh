#!/usr/bin/env bash
# Multi-tenant SaaS lab: one way to do every task (for teachers and the tests). Run setup.sh first. Safe to run again.
source "$(dirname "$0")/../lib.sh"

account_id >/dev/null # once, before the steps run side by side
# Task 1: the admin and tenant APIs (one after the other: both add resources to the same API).
api() {
  local id
  id=$(rest_api_id saas-api)
  ensure_rest_route "$id" tenants POST saas-tenant-admin
  ensure_rest_route "$id" orders ANY saas-orders
}
bg api
# Task 2: tenant isolation in the pool: the orders function may only touch items whose key starts with the tenant id
# carried as a session tag (in production the function assumes this role per request with the tenant as a tag).
isolate() {
  ensure_role saas-orders-role '{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],
   "Resource":"arn:aws:dynamodb:*:*:table/saas-pool-orders",
   "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:PrincipalTag/tenantId}"]}}},
  {"Effect":"Allow","Action":"events:PutEvents","Resource":"arn:aws:events:*:*:event-bus/default"}]}'
  awsl lambda update-function-configuration --function-name saas-orders --role "$(role_arn saas-orders-role)" >/dev/null
}
bg isolate
# Task 3: usage events from the orders service land in a queue.
usage_rule() {
  awsl events put-rule --name saas-usage-recorded \
    --event-pattern '{"source":["saas.orders"],"detail-type":["UsageRecorded"]}' >/dev/null
  awsl events put-targets --rule saas-usage-recorded --targets "Id=usage-queue,Arn=$(queue_arn saas-usage-events)" >/dev/null
}
bg usage_rule
# Task 4: the meter drains the queue; a malformed event goes to the DLQ after five tries.
metering() {
  awsl sqs set-queue-attributes --queue-url "$(queue_url saas-usage-events)" --attributes \
    "{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$(queue_arn saas-usage-dlq)\\\",\\\"maxReceiveCount\\\":\\\"5\\\"}\"}"
  ensure_mapping "$(queue_arn saas-usage-events)" saas-usage-meter --batch-size 10
}
bg metering
# Task 5: billing runs every night.
billing() {
  awsl events put-rule --name saas-billing-nightly --schedule-expression 'cron(0 2 * * ? *)' >/dev/null
  awsl events put-targets --rule saas-billing-nightly --targets "Id=billing,Arn=$(function_arn saas-billing)" >/dev/null
}
bg billing
wait_all
echo "Multi-tenant SaaS: solution applied"
