// The AWS managed policy corpus through the analysis core: AWS stores every one of these policies, so an
// error-severity finding must mean the policy really is broken. The exact set of remaining errors is pinned here
// (docs/corpus-findings.md explains each); any new error, or one that disappears, fails this test.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadIamData } from '../../../server/src/iamData';
import { analyzeCorpus, corpusDir, corpusPolicies } from '../../support/corpus';

/** [policy, rule, message] of every error the corpus still gets: policies AWS's own validator also rejects. */
const EXPECTED_ERRORS: readonly (readonly [string, string, string])[] = [
  [
    'AWSAuditManagerAdministratorAccess',
    'MISSING_QUALIFIER',
    'Condition key events:detail-type has multiple values: use ForAnyValue:StringEquals or ForAllValues:StringEquals',
  ],
  [
    'AWSAuditManagerServiceRolePolicy',
    'MISSING_QUALIFIER',
    'Condition key events:detail-type has multiple values: use ForAnyValue:StringEquals or ForAllValues:StringEquals',
  ],
  [
    'AmazonApplicationWizardFullaccess',
    'MISSING_ARN_REGION',
    'logs ARN arn:aws:logs:::log-group:ApplicationWizard* needs a Region (or * for any Region)',
  ],
  [
    'AmazonApplicationWizardFullaccess',
    'INVALID_ACTION',
    'Action ssm:RemoveTagsToResource does not exist in ssm; did you mean ssm:RemoveTagsFromResource?',
  ],
  [
    'AmazonApplicationWizardFullaccess',
    'MISSING_ARN_REGION',
    'logs ARN arn:aws:logs:::log-group:ApplicationWizard* needs a Region (or * for any Region)',
  ],
  [
    'AmazonApplicationWizardFullaccess',
    'MISSING_ARN_REGION',
    'logs ARN arn:aws:logs:::log-group:ApplicationWizard* needs a Region (or * for any Region)',
  ],
  [
    'AmazonApplicationWizardFullaccess',
    'MISSING_ARN_REGION',
    'cloudformation ARN arn:aws:cloudformation:::stack/ApplicationWizard*/ needs a Region (or * for any Region)',
  ],
  [
    'AmazonDataZoneGlueManageAccessRolePolicy',
    'INVALID_SERVICE_CONDITION_KEY',
    'Condition key lakeformation:GlueARN does not exist in lakeformation',
  ],
  [
    'AmazonLaunchWizardFullaccess',
    'INVALID_ACTION',
    'Action s3:ListBuckets does not exist in s3; did you mean s3:ListBucket?',
  ],
  ['AmazonLaunchWizardFullaccess', 'INVALID_ACTION', 'Action s3:ListObjects does not exist in s3'],
  ['AmazonLaunchWizardFullaccess', 'INVALID_ACTION', 'Action s3:ListObjectsV2 does not exist in s3'],
  [
    'AmazonLaunchWizardFullaccess',
    'MISSING_ARN_REGION',
    'logs ARN arn:aws:logs:::log-group:LaunchWizard* needs a Region (or * for any Region)',
  ],
  [
    'AmazonLaunchWizardFullaccess',
    'MISSING_ARN_REGION',
    'logs ARN arn:aws:logs:::log-group:LaunchWizard* needs a Region (or * for any Region)',
  ],
  [
    'AmazonLaunchWizardFullaccess',
    'MISSING_ARN_REGION',
    'logs ARN arn:aws:logs:::log-group:LaunchWizard* needs a Region (or * for any Region)',
  ],
  [
    'AmazonLaunchWizardFullaccess',
    'MISSING_ARN_REGION',
    'cloudformation ARN arn:aws:cloudformation:::stack/LaunchWizard*/ needs a Region (or * for any Region)',
  ],
  [
    'CloudTrailEventContext',
    'MISSING_QUALIFIER',
    'Condition key events:detail-type has multiple values: use ForAnyValue:StringEquals or ForAllValues:StringEquals',
  ],
  [
    'MemoryDBServiceRolePolicy',
    'INVALID_ACTION',
    'Action memorydb:ReplicateMultiRegionClusterData does not exist in memorydb; did you mean memorydb:CreateMultiRegionCluster?',
  ],
  ['RDSCloudHsmAuthorizationRole', 'INVALID_ACTION', 'Action cloudhsm:CreateLunaClient does not exist in cloudhsm'],
  ['RDSCloudHsmAuthorizationRole', 'INVALID_ACTION', 'Action cloudhsm:DeleteLunaClient does not exist in cloudhsm'],
  ['RDSCloudHsmAuthorizationRole', 'INVALID_ACTION', 'Action cloudhsm:DescribeHapg does not exist in cloudhsm'],
  ['RDSCloudHsmAuthorizationRole', 'INVALID_ACTION', 'Action cloudhsm:DescribeLunaClient does not exist in cloudhsm'],
  ['RDSCloudHsmAuthorizationRole', 'INVALID_ACTION', 'Action cloudhsm:GetConfig does not exist in cloudhsm'],
  ['RDSCloudHsmAuthorizationRole', 'INVALID_ACTION', 'Action cloudhsm:ModifyHapg does not exist in cloudhsm'],
  ['RDSCloudHsmAuthorizationRole', 'INVALID_ACTION', 'Action cloudhsm:ModifyLunaClient does not exist in cloudhsm'],
  [
    'SageMakerStudioProjectProvisioningRolePolicy',
    'MISSING_QUALIFIER',
    'Condition key events:detail-type has multiple values: use ForAnyValue:StringEquals or ForAllValues:StringEquals',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:ListAgentInstances does not exist in securityagent; did you mean securityagent:ListAgentSpaces?',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:ListControls does not exist in securityagent',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:BatchGetAgentInstances does not exist in securityagent; did you mean securityagent:BatchGetAgentSpaces?',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:BatchGetSecurityTestContentMetadata does not exist in securityagent; did you mean securityagent:BatchGetPentestJobContentMetadata?',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:BatchGetTasks does not exist in securityagent',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:CreateDocumentReview does not exist in securityagent; did you mean securityagent:CreateCodeReview?',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:DeleteDocumentReview does not exist in securityagent; did you mean securityagent:DeleteDesignReview?',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:GetCodeReviewTask does not exist in securityagent',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:GetDocReviewTask does not exist in securityagent',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:GetDocumentReview does not exist in securityagent',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:GetDocumentReviewArtifact does not exist in securityagent; did you mean securityagent:GetDesignReviewArtifact?',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:ListControls does not exist in securityagent',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:ListDocumentReviewComments does not exist in securityagent; did you mean securityagent:ListDesignReviewComments?',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:ListDocumentReviews does not exist in securityagent; did you mean securityagent:ListCodeReviews?',
  ],
  ['SecurityAgentWebAppAPIPolicy', 'INVALID_ACTION', 'Action securityagent:ListTasks does not exist in securityagent'],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:StartPentestExecution does not exist in securityagent',
  ],
  [
    'SecurityAgentWebAppAPIPolicy',
    'INVALID_ACTION',
    'Action securityagent:StopPentestExecution does not exist in securityagent',
  ],
  [
    'ServiceCatalogAdminReadOnlyAccess',
    'INVALID_ACTION',
    'Action servicecatalog:GetTagOptionMigrationStatus does not exist in servicecatalog',
  ],
  [
    'ServiceCatalogAdminReadOnlyAccess',
    'INVALID_ACTION',
    'Action servicecatalog:AccountLevelDescribeRecord does not exist in servicecatalog',
  ],
  [
    'ServiceCatalogAdminReadOnlyAccess',
    'INVALID_ACTION',
    'Action servicecatalog:AccountLevelListRecordHistory does not exist in servicecatalog',
  ],
  [
    'ServiceCatalogAdminReadOnlyAccess',
    'INVALID_ACTION',
    'Action servicecatalog:AccountLevelScanProvisionedProducts does not exist in servicecatalog',
  ],
];

const dir = corpusDir();

test('the corpus is beside the repository (../shared/corpus/aws-managed-policies)', () => {
  assert.ok(dir, 'the AWS managed policy corpus was not found beside the repository or its parents');
});

test('AWS managed policies get error findings only where they are really invalid', { skip: !dir }, () => {
  const policies = corpusPolicies(dir!);
  assert.ok(policies.length > 1500, `${policies.length} policies`);
  const findings = analyzeCorpus(policies, loadIamData(join(__dirname, '..', '..', '..', 'dist', 'iam-data.json')));
  const errors = findings
    .filter((f) => f.severity === 'error')
    .map((f) => [f.policy, f.ruleId, f.message] as const)
    .sort();
  assert.deepEqual(errors, [...EXPECTED_ERRORS].sort());
  // Retired services and former actions are still reported, as warnings that say why.
  const retired = findings.filter((f) => f.ruleId === 'INVALID_SERVICE_IN_ACTION');
  assert.ok(retired.length > 50 && retired.every((f) => f.severity === 'warning' && f.message.includes('retired')));
  const former = findings.filter((f) => f.message.includes('not in the current catalogue'));
  assert.ok(former.length > 0 && former.every((f) => f.severity === 'warning'));
  assert.equal(findings.filter((f) => f.ruleId === 'INTERNAL_ERROR').length, 0);
});
