#!/usr/bin/env python3
"""Prints a Gatling report's per-action figures (its groups: an action's requests together) as a Markdown table.

Usage: python3 tools/gatling-summary.py target/gatling/<run>/index.html
"""
import re
import sys

html = open(sys.argv[1], encoding="utf-8").read()
print("| action | count | errors | p50 ms | p95 ms | p99 ms | max ms |")
print("|---|---|---|---|---|---|---|")
for row in re.finditer(r'<tr id="group_[^"]*" data-parent="ROOT">(.*?)</tr>', html, re.S):
    cells = row.group(1)
    name = re.search(r'class="ellipsed-name">([^<]*)<', cells).group(1)
    values = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', cells))
    print(f"| {name} | {values['2']} | {values['4']} | {values['8']} | {values['10']} | {values['11']} | {values['12']} |")
