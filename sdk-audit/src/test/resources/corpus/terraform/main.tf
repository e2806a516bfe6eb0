# See http://registry.terraform.io/providers/hashicorp/aws/latest/docs
provider "aws" {
  region = "eu-central-1"
  endpoints {
    sqs = "http://sqs.eu-central-1.amazonaws.com"
  }
}

module "vpc" {
  source = "git::https://github.com/acme/terraform-vpc.git"
}

resource "aws_sns_topic_subscription" "hook" {
  endpoint = "http://hooks.acme-alerts.com/sns"
  protocol = "http"
}
