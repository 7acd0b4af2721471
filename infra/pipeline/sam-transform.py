#!/usr/bin/env python3
"""Prints the CloudFormation template AWS creates from a SAM template, as JSON on standard output.

The SAM translator (aws-sam-translator, installed with cfn-lint) turns AWS::Serverless::* resources into what
CloudFormation actually creates: functions, versions, aliases, permissions, event source mappings, CodeDeploy
applications and deployment groups, roles. The template tests check that output as well as the source.

    python3 infra/pipeline/sam-transform.py template.yaml [--code-bucket BUCKET] [--region REGION]

Local CodeUri paths become s3://BUCKET/<path>, as `aws cloudformation package` makes them s3:// locations (the
translator accepts nothing else). Nothing is sent anywhere: the region only names ARNs, and managed policies named
by a function's Policies come from cfn-lint's bundled copy, not from IAM.
"""

import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("template")
    parser.add_argument("--code-bucket", default="packaged-code")
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()

    # The translator asks boto3 for the region (to name ARNs): never the machine's AWS configuration.
    os.environ["AWS_DEFAULT_REGION"] = args.region
    os.environ.pop("AWS_PROFILE", None)

    from cfnlint.data import Serverless
    from cfnlint.helpers import load_resource
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse

    with open(args.template, encoding="utf-8") as source:
        template = yaml_parse(source.read())
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        code = properties.get("CodeUri")
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(code, str) and "://" not in code:
            properties["CodeUri"] = "s3://%s/%s" % (args.code_bucket, code)

    class BundledManagedPolicies:
        def load(self):
            return load_resource(Serverless, "ManagedPolicies.json")

    try:
        transformed = transform(template, {}, BundledManagedPolicies())
    except Exception as error:  # the translator's own errors name the resource and property at fault
        print("SAM transform of %s failed: %s" % (args.template, error), file=sys.stderr)
        return 1
    json.dump(transformed, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
