// CREDENTIALS_EXPOSURE: actions whose response carries credentials (keys, passwords, tokens, temporary sessions)
// granted on every resource.
import type { IamRule } from '../rule';
import { actionList, listNames, listedGrants } from '../risk';

/** Actions that return or set credentials someone can then use. */
export const CREDENTIAL_ACTIONS: readonly string[] = [
  'airflow:CreateCliToken',
  'airflow:CreateWebLoginToken',
  'appsync:CreateApiKey',
  'chime:CreateApiKey',
  'cloud9:CreateEnvironmentToken',
  'codeartifact:GetAuthorizationToken',
  'codepipeline:PollForJobs',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-identity:GetOpenIdToken',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'cognito-idp:GetSigningCertificate',
  'connect:GetFederationToken',
  'ec2:GetPasswordData',
  'ecr:GetAuthorizationToken',
  'ecr-public:GetAuthorizationToken',
  'emr-containers:GetManagedEndpointSessionCredentials',
  'gamelift:GetComputeAccess',
  'gamelift:GetComputeAuthToken',
  'gamelift:GetInstanceAccess',
  'gamelift:RequestUploadCredentials',
  'grafana:CreateWorkspaceApiKey',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'iam:UpdateLoginProfile',
  'lightsail:CreateBucketAccessKey',
  'lightsail:DownloadDefaultKeyPair',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'mediapackage:RotateIngestEndpointCredentials',
  'rds-db:connect',
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
  'redshift-serverless:GetCredentials',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
];

const LIST = actionList(CREDENTIAL_ACTIONS);

export const CREDENTIALS_EXPOSURE: IamRule = {
  id: 'CREDENTIALS_EXPOSURE',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'Actions that return credentials (keys, passwords, tokens, role sessions) are granted on every resource.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const g of listedGrants(ctx.facts, ctx.policy, LIST)) {
      const first = g.names[0] ?? '';
      const via =
        g.names.length === 1 && g.text.toLowerCase() === first.toLowerCase()
          ? `${first} on every resource returns`
          : `${g.text} grants ${listNames(g.names)} on every resource, which return`;
      ctx.report({
        message: `${via} credentials the holder can use as someone else; scope Resource to the users, roles or resources meant`,
        span: g.span,
      });
    }
  },
};
