#!/usr/bin/env bash
# Runs before each deployment of an application stack (the pipeline's ClearFailedCreate actions).
#
#   clear-failed-create.sh STACK DEPLOY_ROLE_ARN
#
# A stack whose first create failed is left in ROLLBACK_COMPLETE, and CloudFormation cannot update it: every later run
# would fail until someone deleted it. Such a stack holds nothing (its resources were rolled back, retained ones too:
# template.yaml retains them except on the create that made them), so it is deleted here, with the deploy role, and
# the deployment that follows creates it again. Any other failed state needs a person: the run stops, saying exactly
# what to run (docs/pipeline.md, "A deployment failed").
set -euo pipefail

if [[ $# -ne 2 || -z "$1" || -z "$2" ]]; then
  echo "usage: $0 STACK DEPLOY_ROLE_ARN" >&2
  exit 2
fi
stack="$1"
role="$2"

if ! status=$(aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].StackStatus' \
    --output text 2>&1); then
  if [[ "$status" == *"does not exist"* ]]; then
    echo "$stack does not exist yet: the deployment creates it."
    exit 0
  fi
  echo "cannot read the status of $stack: $status" >&2
  exit 1
fi

failed_resources() {
  aws cloudformation describe-stack-events --stack-name "$stack" --output text --query \
    "StackEvents[?ends_with(ResourceStatus, 'FAILED')] | [:20].[Timestamp,LogicalResourceId,ResourceStatus,ResourceStatusReason]" \
    || echo "(its events could not be read)"
}

case "$status" in
  ROLLBACK_COMPLETE)
    echo "$stack: its first create failed and was rolled back, so it cannot be updated. What failed:"
    failed_resources
    echo "Deleting $stack (it holds no resources) so that this deployment creates it again."
    aws cloudformation delete-stack --stack-name "$stack" --role-arn "$role"
    aws cloudformation wait stack-delete-complete --stack-name "$stack"
    echo "$stack deleted."
    ;;
  UPDATE_ROLLBACK_FAILED)
    cat >&2 <<EOF
$stack is UPDATE_ROLLBACK_FAILED: an update failed, and so did its rollback. The stack still serves, on a mix of the
old and new resources; nothing was deleted. What failed:
$(failed_resources)
To recover:
  1. Fix what the rollback could not undo (a function's previous code object missing from the artifact bucket:
     restore it, see docs/pipeline.md, "Artifacts a rollback needs").
  2. aws cloudformation continue-update-rollback --stack-name $stack --role-arn $role
     (if a resource cannot be rolled back at all: add --resources-to-skip LOGICAL_ID, then fix it by hand)
  3. Release the change again in the pipeline.
EOF
    exit 1
    ;;
  ROLLBACK_FAILED | DELETE_FAILED)
    cat >&2 <<EOF
$stack is $status: CloudFormation could not delete some of its resources (a drafts bucket with objects in it, a
resource changed by hand). What failed:
$(failed_resources)
To recover (a ROLLBACK_FAILED stack never finished its first create, so nothing depends on it yet):
  1. aws cloudformation delete-stack --stack-name $stack --role-arn $role --retain-resources LOGICAL_ID...
     naming the resources above that failed to delete; delete or keep those by hand.
  2. Release the change again in the pipeline: it creates the stack.
EOF
    exit 1
    ;;
  *_IN_PROGRESS)
    echo "$stack is $status: another operation is under way. Release the change again once it has finished." >&2
    exit 1
    ;;
  *)
    echo "$stack is $status: ready to deploy."
    ;;
esac
