#!/usr/bin/env bash
# Contract test for the 2023 plan catalogue (Kế hoạch 59/KH-UBND, Lạng Sơn).
#
# Part 1 (always): checks the bundled CSV files in data/langson/plan/ — schema,
#   allowed values, code tree, figures spot-checked against the plan text,
#   allocations summing to their indicator, funding lines adding up.
# Part 2 (when PLANMAP_CLI is set): runs
#   "$PLANMAP_CLI" plan --format csv --project "$PLANMAP_BUNDLED_PROJECT"
#   and requires one RFC 4180 CSV row per catalogue indicator, header first,
#   with at least code,name,unit,year,target,achieved,percent; numbers plain
#   ('.' decimal point, no thousands separator); code/name/unit/year/target equal
#   to the catalogue. A missing or failing CLI fails the test.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
data_dir="$here/../../data/langson/plan"
units_dir="$here/../../data/langson"
py=/usr/bin/python3
[ -x "$py" ] || py=python3

cli_out=""
if [ -n "${PLANMAP_CLI:-}" ]; then
  if [ ! -x "$PLANMAP_CLI" ]; then
    echo "FAIL: PLANMAP_CLI='$PLANMAP_CLI' is not an executable file" >&2
    exit 1
  fi
  if [ -z "${PLANMAP_BUNDLED_PROJECT:-}" ]; then
    echo "FAIL: PLANMAP_CLI is set but PLANMAP_BUNDLED_PROJECT is not" >&2
    exit 1
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  cli_out="$tmp/plan.csv"
  if ! "$PLANMAP_CLI" plan --format csv --project "$PLANMAP_BUNDLED_PROJECT" >"$cli_out" 2>"$tmp/stderr"; then
    echo "FAIL: '$PLANMAP_CLI plan --format csv --project $PLANMAP_BUNDLED_PROJECT' exited non-zero:" >&2
    cat "$tmp/stderr" >&2
    exit 1
  fi
fi

"$py" - "$data_dir" "$units_dir" "$cli_out" <<'PY'
import csv, io, json, os, re, sys, unicodedata
from decimal import Decimal, InvalidOperation

data_dir, units_dir, cli_out = sys.argv[1], sys.argv[2], sys.argv[3]
errors = []
def err(msg):
    errors.append(msg)

NUM = re.compile(r'^-?\d+(\.\d+)?$')
def num(s, where):
    if not NUM.match(s or ''):
        err(f'{where}: "{s}" is not a plain number (digits, optional "." decimals, no thousands separator)')
        return None
    return Decimal(s)

def read(name, header):
    path = os.path.join(data_dir, name)
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    if text.startswith('\ufeff'):
        err(f'{name}: has a byte-order mark')
    if unicodedata.normalize('NFC', text) != text:
        err(f'{name}: text is not in Unicode NFC form (names would not compare equal)')
    rd = csv.reader(io.StringIO(text, newline=''))
    rows = list(rd)
    if not rows or rows[0] != header:
        err(f'{name}: header {rows[0] if rows else None} != expected {header}')
        return []
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            err(f'{name} row {i}: {len(r)} fields, expected {len(header)}')
            continue
        d = dict(zip(header, r)); d['_where'] = f'{name} row {i}'
        out.append(d)
    return out

# ---------------------------------------------------------------- units
gso = {}
with open(os.path.join(units_dir, 'communes_pre2025_gso.csv'), encoding='utf-8', newline='') as f:
    for r in csv.DictReader(f):
        gso[r['Mã PX']] = r
districts = {}
with open(os.path.join(units_dir, 'districts_2023.geojson'), encoding='utf-8') as f:
    for ft in json.load(f)['features']:
        districts[ft['properties']['ma_huyen']] = ft['properties']['ten']

# ---------------------------------------------------------------- catalogue
CAT_HDR = ['code','parent_code','level','ordinal','name','unit','year','target','target_numerator',
           'target_denominator','aggregation','agency','plan_ref','note']
cat = read('plan_2023_catalogue.csv', CAT_HDR)
by_code = {}
for r in cat:
    w = r['_where']
    if r['code'] in by_code:
        err(f'{w}: duplicate code {r["code"]}')
    by_code[r['code']] = r
LEVELS = ['program', 'project', 'subproject', 'content', 'indicator']
AGG = {'sum', 'ratio', 'percent', 'percent_point', 'max', 'none'}
PARENT_LEVELS = {'program': {''}, 'project': {'program'}, 'subproject': {'project'},
                 'content': {'project', 'subproject'},
                 'indicator': {'program', 'project', 'subproject', 'content'}}
ordinals = {}
ind_seq = {}
for r in cat:
    w, lv = r['_where'] + f' ({r["code"]})', r['level']
    if lv not in LEVELS:
        err(f'{w}: level "{lv}" not in {LEVELS}'); continue
    p = r['parent_code']
    plv = by_code[p]['level'] if p in by_code else ('' if p == '' else None)
    if plv is None:
        err(f'{w}: parent_code "{p}" does not exist')
    elif plv not in PARENT_LEVELS[lv]:
        err(f'{w}: a {lv} cannot sit under a {plv or "nothing"}')
    if not r['name'].strip():
        err(f'{w}: empty name')
    if not re.fullmatch(r'\d{4}', r['year']):
        err(f'{w}: year "{r["year"]}" is not a 4-digit year')
    ordinals.setdefault(p, []).append(int(r['ordinal']) if r['ordinal'].isdigit() else -1)
    if lv == 'indicator':
        m = re.fullmatch(re.escape(p) + r'\.CT(\d{2})', r['code'])
        if not m:
            err(f'{w}: indicator code must be "<parent>.CTnn"')
        else:
            ind_seq.setdefault(p, []).append(int(m.group(1)))
        if not r['unit'] or not r['target']:
            err(f'{w}: indicator without unit or target')
        t = num(r['target'], w + ' target')
        if r['aggregation'] not in AGG:
            err(f'{w}: aggregation "{r["aggregation"]}" not in {sorted(AGG)}')
        if r['aggregation'] == 'ratio':
            n = num(r['target_numerator'], w + ' numerator')
            d = num(r['target_denominator'], w + ' denominator')
            if t is not None and n is not None and d:
                places = -t.as_tuple().exponent if t.as_tuple().exponent < 0 else 0
                pct = (n * 100 / d).quantize(Decimal(1).scaleb(-places))
                if pct != t:
                    err(f'{w}: {n}/{d} = {n*100/d:.3f}% does not round to target {t}')
        elif r['target_numerator'] or r['target_denominator']:
            err(f'{w}: numerator/denominator are only for aggregation=ratio')
        if r['unit'] == '%' and r['aggregation'] not in {'ratio', 'percent', 'percent_point'}:
            err(f'{w}: a % indicator must aggregate as ratio, percent or percent_point')
        if not r['plan_ref']:
            err(f'{w}: empty plan_ref')
    else:
        for c in ('unit', 'target', 'target_numerator', 'target_denominator', 'aggregation'):
            if r[c]:
                err(f'{w}: only indicator rows carry {c}')
        if lv in ('project', 'subproject', 'content') and not r['plan_ref']:
            err(f'{w}: empty plan_ref')
for p, ords in ordinals.items():
    if sorted(ords) != list(range(1, len(ords) + 1)):
        err(f'catalogue: ordinals under "{p or "(root)"}" are {sorted(ords)}, expected 1..{len(ords)}')
for p, seq in ind_seq.items():
    if seq != list(range(1, len(seq) + 1)):
        err(f'catalogue: indicator numbers under {p} are {seq}, expected 1..{len(seq)} in file order')
if [r['code'] for r in cat if r['level'] == 'program'] != ['CT']:
    err('catalogue: there must be exactly one program row, code CT')
for c in ['CT.MT'] + [f'DA{i:02d}' for i in range(1, 11)]:
    if c not in by_code or by_code[c]['level'] != 'project':
        err(f'catalogue: project node {c} missing')
for c in ['DA03.1', 'DA03.2', 'DA04.1', 'DA05.1', 'DA05.2', 'DA05.3', 'DA05.4', 'DA09.1', 'DA09.2',
          'DA10.1', 'DA10.2', 'DA10.3']:
    if c not in by_code or by_code[c]['level'] != 'subproject':
        err(f'catalogue: sub-project node {c} missing')
for c in ['DA03.2.ND01', 'DA03.2.ND03', 'DA04.1.ND01', 'DA04.1.ND02', 'DA05.2.ND01', 'DA05.2.ND02',
          'DA10.1.ND01', 'DA10.1.ND02', 'DA10.1.ND03']:
    if c not in by_code or by_code[c]['level'] != 'content':
        err(f'catalogue: content node {c} missing')

# Figures from the plan text (code -> target, unit[, numerator, denominator]).
EXPECT = {
    'CT.MT.CT01': ('3.0', '%'), 'CT.MT.CT02': ('5', 'xã'), 'CT.MT.CT03': ('24', 'thôn'),
    'DA01.CT01': ('53', 'hộ'), 'DA01.CT02': ('640', 'hộ'), 'DA01.CT03': ('50', 'hộ'),
    'DA01.CT04': ('7', 'công trình'), 'DA01.CT05': ('773', 'hộ'), 'DA01.CT06': ('1381', 'hộ'),
    'DA02.CT01': ('7', 'dự án'),
    'DA03.1.CT02': ('26900', 'ha'), 'DA03.1.CT03': ('73670', 'ha'), 'DA03.1.CT04': ('646', 'ha'),
    'DA03.1.CT05': ('6000', 'ha'), 'DA03.1.CT06': ('700', 'ha'), 'DA03.1.CT07': ('2574', 'hộ'),
    'DA04.1.CT01': ('96.1', '%', '174', '181'), 'DA04.1.CT02': ('75', '%', '1108', '1478'),
    'DA04.1.ND01.CT01': ('1', 'công trình'), 'DA04.1.ND01.CT02': ('16', 'trạm'),
    'DA04.1.ND01.CT03': ('60.0', 'km'),
    'DA04.1.ND02.CT01': ('1', 'chợ'), 'DA04.1.ND02.CT02': ('3', 'chợ'),
    'DA05.1.CT08': ('3', 'trường'),
    'CT.NV.CT01': ('1238075', 'triệu đồng'), 'CT.NV.CT02': ('1188600', 'triệu đồng'),
    'CT.NV.CT03': ('570354', 'triệu đồng'), 'CT.NV.CT04': ('543193', 'triệu đồng'),
    'CT.NV.CT05': ('1528', 'triệu đồng'), 'CT.NV.CT06': ('25633', 'triệu đồng'),
    'CT.NV.CT07': ('618246', 'triệu đồng'), 'CT.NV.CT08': ('588800', 'triệu đồng'),
    'CT.NV.CT09': ('3379', 'triệu đồng'), 'CT.NV.CT10': ('26067', 'triệu đồng'),
    'CT.NV.CT11': ('32973', 'triệu đồng'), 'CT.NV.CT12': ('16502', 'triệu đồng'),
}
def check_expect(rows, label, with_ratio):
    for code, exp in EXPECT.items():
        r = rows.get(code)
        if r is None:
            err(f'{label}: indicator {code} missing'); continue
        t = num(r.get('target', ''), f'{label} {code} target')
        if t is not None and t != Decimal(exp[0]):
            err(f'{label}: {code} target {r["target"]} != {exp[0]} (plan text)')
        if r.get('unit') != exp[1]:
            err(f'{label}: {code} unit "{r.get("unit")}" != "{exp[1]}"')
        if with_ratio and len(exp) == 4 and (r['target_numerator'], r['target_denominator']) != exp[2:]:
            err(f'{label}: {code} ratio {r["target_numerator"]}/{r["target_denominator"]} != {exp[2]}/{exp[3]}')
check_expect(by_code, 'catalogue', True)

# Every target must be written in the plan text (Vietnamese notation: 1.238.075, 96,1, 07),
# unless the note says the text gives no figure ("không ghi số" / "không ghi tổng").
with open(os.path.join(data_dir, 'ke-hoach-59-KH-UBND-2023.txt'), encoding='utf-8') as f:
    plan_text = f.read()
def vn_forms(s):
    whole, _, frac = s.partition('.')
    g = f'{int(whole):,}'.replace(',', '.')
    forms = {g + (',' + frac if frac else '')}
    if not frac and int(whole) < 10:
        forms.add('0' + whole)
    return forms
def in_text(s):
    return any(re.search(r'(?<![\d.,])' + re.escape(v) + r'(?![\d]|[.,]\d)', plan_text) for v in vn_forms(s))
for r in cat:
    if r['level'] != 'indicator' or not NUM.match(r['target']):
        continue
    if 'không ghi số' in r['note'] or 'không ghi tổng' in r['note']:
        continue
    for c in ('target', 'target_numerator', 'target_denominator'):
        if r[c] and NUM.match(r[c]) and not in_text(r[c]):
            err(f'catalogue: {r["code"]} {c} {r[c]} ({" / ".join(sorted(vn_forms(r[c])))}) does not occur in the plan text')
if by_code.get('CT.MT.CT01', {}).get('aggregation') not in ('percent', 'percent_point'):
    err('catalogue: poverty reduction CT.MT.CT01 must not be summable')
indicators = [r for r in cat if r['level'] == 'indicator']

# ---------------------------------------------------------------- allocations
ALLOC_HDR = ['indicator_code','unit_level','unit_code','unit_name','target','note']
alloc = read('plan_2023_allocations.csv', ALLOC_HDR)
sums = {}
per = {}
for r in alloc:
    w = r['_where']
    ic, lv, uc = r['indicator_code'], r['unit_level'], r['unit_code']
    ind = by_code.get(ic)
    if ind is None or ind['level'] != 'indicator':
        err(f'{w}: indicator_code {ic} is not a catalogue indicator'); continue
    if ind['aggregation'] != 'sum':
        err(f'{w}: {ic} aggregates as {ind["aggregation"]}; only summable indicators are allocated')
    t = num(r['target'], w + ' target')
    if lv == 'district':
        if uc not in districts:
            err(f'{w}: district code {uc} not in districts_2023.geojson')
        elif r['unit_name'] != districts[uc]:
            err(f'{w}: unit_name "{r["unit_name"]}" != "{districts[uc]}" for {uc}')
    elif lv == 'commune_2023':
        if uc not in gso:
            err(f'{w}: commune code {uc} not in communes_pre2025_gso.csv')
        elif r['unit_name'] != gso[uc]['Phường Xã']:
            err(f'{w}: unit_name "{r["unit_name"]}" != "{gso[uc]["Phường Xã"]}" for {uc}')
    elif lv == 'province':
        if uc != '20':
            err(f'{w}: province code must be 20 (Lạng Sơn)')
    else:
        err(f'{w}: unit_level "{lv}" not in province|district|commune_2023')
    key = (ic, lv, uc)
    if key in per:
        err(f'{w}: duplicate allocation {key}')
    if t is not None:
        per[key] = t
        sums[(ic, lv)] = sums.get((ic, lv), Decimal(0)) + t
for (ic, lv), s in sorted(sums.items()):
    total = Decimal(by_code[ic]['target'])
    if s != total:
        err(f'allocations: {ic} at {lv} level sums to {s}, indicator target is {total}')
# communes must add up to their district's allocation when both are given
for (ic, lv, uc), t in per.items():
    if lv != 'commune_2023' or uc not in gso:
        continue
    d = gso[uc]['Mã QH']
    if (ic, 'district', d) not in per:
        err(f'allocations: {ic} commune {uc} has no allocation for its district {d}')
for (ic, lv, uc), t in per.items():
    if lv == 'district' and (ic, 'commune_2023') in sums:
        cs = sum(v for (i2, l2, u2), v in per.items()
                 if i2 == ic and l2 == 'commune_2023' and u2 in gso and gso[u2]['Mã QH'] == uc)
        if cs != t:
            err(f'allocations: {ic} communes of district {uc} sum to {cs}, district allocation is {t}')
EXPECT_ALLOC = {
    ('CT.MT.CT02', 'district'): {'185': 1, '181': 1, '184': 1, '188': 1, '189': 1},
    ('CT.MT.CT03', 'district'): {'185': 4, '187': 10, '186': 2, '189': 6, '182': 2},
    ('DA02.CT01', 'district'): {'180': 2, '187': 2, '181': 2, '188': 1},
    ('DA04.1.ND02.CT01', 'district'): {'188': 1},
    ('DA04.1.ND02.CT01', 'commune_2023'): {'06577': 1},
    ('DA04.1.ND02.CT02', 'district'): {'181': 1, '180': 2},
    ('DA04.1.ND02.CT02', 'commune_2023'): {'06079': 1, '06013': 1, '06019': 1},
    ('DA05.1.CT08', 'district'): {'185': 1, '189': 1, '184': 1},
}
for (ic, lv), exp in EXPECT_ALLOC.items():
    got = {u: int(v) for (i2, l2, u), v in per.items() if i2 == ic and l2 == lv}
    if got != exp:
        err(f'allocations: {ic} by {lv} is {got}, plan text says {exp}')

# ---------------------------------------------------------------- funding
FUND_HDR = ['code','parent_code','name','project_code','source','kind','amount_million_vnd','year','note']
fund = read('plan_2023_funding.csv', FUND_HDR)
fby = {}
for r in fund:
    w = r['_where']
    if r['code'] in fby:
        err(f'{w}: duplicate code {r["code"]}')
    fby[r['code']] = r
    r['_amount'] = num(r['amount_million_vnd'], w + ' amount')
    if r['source'] not in {'total', 'central', 'provincial', 'district', 'credit', 'other'}:
        err(f'{w}: source "{r["source"]}" not allowed')
    if r['kind'] not in {'total', 'investment', 'recurrent'}:
        err(f'{w}: kind "{r["kind"]}" not allowed')
    if r['project_code'] not in by_code or by_code[r['project_code']]['level'] not in ('program', 'project', 'subproject'):
        err(f'{w}: project_code "{r["project_code"]}" is not a program/project/sub-project of the catalogue')
    ind = by_code.get(r['code'])
    if ind is None or ind['level'] != 'indicator' or ind['unit'] != 'triệu đồng':
        err(f'{w}: funding line {r["code"]} has no catalogue indicator (unit triệu đồng) with the same code')
    elif r['_amount'] is not None and Decimal(ind['target']) != r['_amount']:
        err(f'{w}: amount {r["_amount"]} != catalogue {r["code"]} target {ind["target"]}')
roots = [r for r in fund if r['parent_code'] == '']
if len(roots) != 1:
    err(f'funding: expected exactly one root line, found {len(roots)}')
for r in fund:
    if r['parent_code'] and r['parent_code'] not in fby:
        err(f'{r["_where"]}: parent_code {r["parent_code"]} does not exist')
    kids = [k for k in fund if k['parent_code'] == r['code']]
    if kids and all(k['_amount'] is not None for k in kids) and r['_amount'] is not None:
        s = sum(k['_amount'] for k in kids)
        if s != r['_amount'] and 'KHÔNG KHỚP' not in r['note']:
            err(f'funding: children of {r["code"]} sum to {s}, line says {r["_amount"]} '
                '(if the plan itself does not add up, say "KHÔNG KHỚP" in the note)')
        if r['kind'] != 'total' and any(k['kind'] != r['kind'] for k in kids):
            err(f'funding: children of {r["code"]} ({r["kind"]}) have a different kind')
# by source, the leaves must reproduce the grand total
if roots and roots[0]['_amount'] is not None:
    leaves = [r for r in fund if not any(k['parent_code'] == r['code'] for k in fund)]
    if sum(r['_amount'] for r in leaves if r['_amount'] is not None) != roots[0]['_amount']:
        err('funding: leaf lines do not add up to the total')
    by_src = {}
    for r in leaves:
        by_src[r['source']] = by_src.get(r['source'], 0) + int(r['_amount'] or 0)
    exp_src = {'central': 543193 + 588800, 'provincial': 1528 + 3379, 'district': 25633 + 26067,
               'other': 32973, 'credit': 16502}
    if by_src != exp_src:
        err(f'funding: totals by source {by_src} != plan text {exp_src}')
    if roots[0]['_amount'] != 1238075:
        err(f'funding: total {roots[0]["_amount"]} != 1238075')

# ---------------------------------------------------------------- named features
NF_HDR = ['layer','key','name','indicator_code','commune_2023_code','commune_2023_name','district_code','status','note']
nf = read('plan_2023_named_features.csv', NF_HDR)
seen = set()
for r in nf:
    w = r['_where']
    if (r['layer'], r['key']) in seen:
        err(f'{w}: duplicate key {r["layer"]}/{r["key"]}')
    seen.add((r['layer'], r['key']))
    if r['indicator_code'] not in by_code or by_code[r['indicator_code']]['level'] != 'indicator':
        err(f'{w}: indicator_code {r["indicator_code"]} is not a catalogue indicator')
    if r['district_code'] not in districts:
        err(f'{w}: district_code {r["district_code"]} unknown')
    if r['status'] not in {'new', 'upgrade', 'investment'}:
        err(f'{w}: status "{r["status"]}" not in new|upgrade|investment')
    c = r['commune_2023_code']
    if c:
        if c not in gso:
            err(f'{w}: commune code {c} not in communes_pre2025_gso.csv')
        else:
            if gso[c]['Phường Xã'] != r['commune_2023_name']:
                err(f'{w}: commune name "{r["commune_2023_name"]}" != "{gso[c]["Phường Xã"]}"')
            if gso[c]['Mã QH'] != r['district_code']:
                err(f'{w}: commune {c} is in district {gso[c]["Mã QH"]}, not {r["district_code"]}')
    elif r['commune_2023_name']:
        err(f'{w}: commune name without code')
markets = {r['name']: (r['commune_2023_code'], r['commune_2023_name'], r['district_code'], r['status'], r['indicator_code'])
           for r in nf if r['layer'] == 'markets'}
exp_markets = {
    'Chợ Xuân Tình': ('06577', 'Xã Thống Nhất', '188', 'new', 'DA04.1.ND02.CT01'),
    'Chợ Văn Mịch': ('06079', 'Xã Hồng Phong', '181', 'upgrade', 'DA04.1.ND02.CT02'),
    'Chợ Thà Cạo': ('06013', 'Xã Chí Minh', '180', 'upgrade', 'DA04.1.ND02.CT02'),
    'Chợ Áng Mò': ('06019', 'Xã Tân Tiến', '180', 'upgrade', 'DA04.1.ND02.CT02'),
}
if markets != exp_markets:
    err(f'named features: markets {markets} != plan text {exp_markets}')
schools = sorted(r['district_code'] for r in nf if r['indicator_code'] == 'DA05.1.CT08')
if schools != ['184', '185', '189']:
    err(f'named features: boarding schools by district {schools} != Bắc Sơn, Đình Lập, Văn Quan')
# a named feature count must not exceed its indicator's target
for ic in {r['indicator_code'] for r in nf}:
    n = sum(1 for r in nf if r['indicator_code'] == ic)
    if ic in by_code and by_code[ic]['target'] and n > Decimal(by_code[ic]['target']):
        err(f'named features: {n} features for {ic}, target is only {by_code[ic]["target"]}')

# ---------------------------------------------------------------- CLI
if not cli_out:
    print('plan_catalogue: PLANMAP_CLI not set: CLI part SKIPPED, file checks only')
else:
    with open(cli_out, encoding='utf-8', newline='') as f:
        text = f.read()
    rows = list(csv.reader(io.StringIO(text, newline='')))
    if not rows:
        err('CLI: empty output')
    else:
        hdr = rows[0]
        need = ['code', 'name', 'unit', 'year', 'target', 'achieved', 'percent']
        missing = [c for c in need if c not in hdr]
        if missing:
            err(f'CLI: header {hdr} lacks {missing}')
        else:
            got = {}
            for i, r in enumerate(rows[1:], start=2):
                if len(r) != len(hdr):
                    err(f'CLI row {i}: {len(r)} fields, header has {len(hdr)}'); continue
                d = dict(zip(hdr, r))
                if d['code'] in got:
                    err(f'CLI row {i}: duplicate code {d["code"]}')
                got[d['code']] = d
            want = {r['code'] for r in indicators}
            if set(got) != want:
                err(f'CLI: codes differ from catalogue indicators; missing {sorted(want - set(got))[:10]}, '
                    f'extra {sorted(set(got) - want)[:10]}')
            for r in indicators:
                g = got.get(r['code'])
                if g is None:
                    continue
                for c in ('name', 'unit', 'year'):
                    if g[c] != r[c]:
                        err(f'CLI: {r["code"]} {c} "{g[c]}" != catalogue "{r[c]}"')
                t = num(g['target'], f'CLI {r["code"]} target')
                if t is not None and t != Decimal(r['target']):
                    err(f'CLI: {r["code"]} target {g["target"]} != catalogue {r["target"]}')
            check_expect(got, 'CLI', False)
    print(f'plan_catalogue: CLI output checked ({max(len(rows) - 1, 0)} data rows)')

if errors:
    for e in errors:
        print('FAIL: ' + e, file=sys.stderr)
    sys.exit(1)
print(f'plan_catalogue: OK — {len(cat) - len(indicators)} nodes, {len(indicators)} indicators, '
      f'{len(alloc)} allocations, {len(fund)} funding lines, {len(nf)} named features')
PY
