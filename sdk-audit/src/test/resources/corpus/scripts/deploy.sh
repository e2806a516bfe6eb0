#!/usr/bin/env bash
# Deploys the service. Docs: http://wiki.acme-corp.com/deploy
set -euo pipefail

curl -fsSL http://get.tooling-vendor.sh | sh
curl -u "admin:${DEPLOY_PASSWORD}" -X POST http://deploy.acme-ops.com/api/release
curl -s http://localhost:9090/-/ready
echo "Deployment done, see the dashboard for the rollout status"
wget -q http://mirror.example.org/pkg.tar.gz
