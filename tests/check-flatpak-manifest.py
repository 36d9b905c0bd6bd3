#!/usr/bin/env python3
# The flatpak manifest cannot be built here (no GNOME runtime), so check what
# a reviewer checks: valid JSON, the right ID and runtime, a meson module
# built from this checkout, and no permission beyond what the app needs.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

problems = []
def expect(condition, message):
    if not condition:
        problems.append(message)

expect(manifest.get("id") == "io.github.alliance_register.AllianceRegister", "id must be the application ID")
expect(manifest.get("runtime") == "org.gnome.Platform", "runtime must be org.gnome.Platform")
expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk must be org.gnome.Sdk")
expect(str(manifest.get("runtime-version")) in ("50", "51"), "runtime-version must be 50 (or 51)")
expect(manifest.get("command") == "alliance-register", "command must be alliance-register")

allowed = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
finish = set(manifest.get("finish-args", []))
expect(finish == allowed, "finish-args must be exactly %s, not %s" % (sorted(allowed), sorted(finish)))
for arg in finish:
    expect(not arg.startswith(("--share=network", "--filesystem", "--socket=session-bus", "--talk-name")),
           "forbidden permission %s" % arg)

modules = manifest.get("modules", [])
expect(len(modules) >= 1 and modules[-1].get("name") == "alliance-register", "the last module must be the app")
if modules:
    app = modules[-1]
    expect(app.get("buildsystem") == "meson", "the app builds with meson")
    expect({"type": "dir", "path": ".."} in app.get("sources", []), "the app builds from the checkout")

if problems:
    for p in problems:
        print("%s: %s" % (path, p))
    sys.exit(1)
print("ok %s" % path)
