#!/usr/bin/env bash
# The responses every family's unit tests share: a demo token (with its catalog) and a rejected login.
. "$(dirname "$0")/lib.sh" .
auth demo demo demo | save token-demo.json
auth admin admin admin | save token-admin.json
auth demo wrong-password demo | save auth-401.json
