#!/usr/bin/env python3
"""Validate CycloneDX JSON BOMs against the official CycloneDX 1.6 JSON schema.

The schema ships inside the PyPI package `cyclonedx-python-lib[json-validation]` (nothing is fetched at
run time); `.ci/run` installs it into .build/python. Usage:

    .build/python/bin/python scripts/validate-bom.py FILE.cdx.json...

Prints one line per file and `N passed, M failed`; exits 1 when any file fails.
"""
import sys

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator


def main(paths):
    validator = JsonStrictValidator(SchemaVersion.V1_6)
    passed = failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            error = validator.validate_str(handle.read())
        if error is None:
            passed += 1
            print(f"ok    {path}")
        else:
            failed += 1
            detail = getattr(error, "data", error)
            print(f"FAIL  {path}: {getattr(detail, 'message', detail)} at {list(getattr(detail, 'absolute_path', []))}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
