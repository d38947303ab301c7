# The tenant id of a request. Cognito is simulated in this lab: the x-tenant-id header stands in for the
# `custom:tenantId` claim an API Gateway Cognito authorizer would pass in requestContext.authorizer.claims.
def tenant_of(event):
    claims = ((event.get("requestContext") or {}).get("authorizer") or {}).get("claims") or {}
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    return claims.get("custom:tenantId") or headers.get("x-tenant-id")
