// Generated from spec/openapi.yaml by scripts/generate.mjs. Do not edit: run `pnpm generate`.

import type { RequestSchemas } from "../internal/validate-request.js";

export const requestSchemas = {
  "listCalls": {
    "path": {},
    "query": {
      "status": {
        "required": false,
        "schema": {
          "anyOf": [
            {
              "type": "string"
            },
            {
              "type": "string"
            }
          ]
        }
      },
      "page": {
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0,
          "maximum": 2147483647,
          "format": "int32"
        }
      },
      "size": {
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 2147483647,
          "format": "int32"
        }
      }
    },
    "body": null
  },
  "createCall": {
    "path": {},
    "query": {},
    "body": {
      "type": "object",
      "required": [
        "fromPhoneNumber",
        "toPhoneNumber",
        "agentId"
      ],
      "properties": {
        "fromPhoneNumber": {
          "type": "string",
          "pattern": "^\\+[1-9][0-9]{6,14}$",
          "minLength": 8,
          "maxLength": 16,
          "example": "+14155552671"
        },
        "toPhoneNumber": {
          "type": "string",
          "pattern": "^\\+[1-9][0-9]{6,14}$",
          "minLength": 8,
          "maxLength": 16,
          "example": "+14155552671"
        },
        "agentId": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        },
        "dynamicVariables": {
          "type": "object",
          "maxProperties": 100,
          "additionalProperties": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          }
        }
      }
    }
  },
  "getCall": {
    "path": {
      "callId": {
        "required": true,
        "schema": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "query": {},
    "body": null
  },
  "deleteCall": {
    "path": {
      "callId": {
        "required": true,
        "schema": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "query": {},
    "body": null
  }
} as const satisfies RequestSchemas;
