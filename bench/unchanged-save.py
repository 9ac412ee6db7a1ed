#!/usr/bin/env python3
"""Outside check of issue 16: export a commune, save N edit forms unchanged in Chromium, export again, compare."""
# usage: chromedriver --port=9515 &  then  bench/unchanged-save.py http://localhost:8080 xa giamngheo2026 COMMUNE_ID ID1,ID2,...
# compares the two CSV files inside export-before.zip and export-after.zip (the ZIP entries carry their own times)
import json, sys, base64, urllib.request, time, hashlib
D = 'http://127.0.0.1:9515'
def call(method, path, body=None):
    req = urllib.request.Request(D + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read())['value']
base, user, pw, commune, ids = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split(',')
caps = {'capabilities': {'alwaysMatch': {'browserName': 'chrome', 'goog:chromeOptions': {
    'binary': '/usr/bin/chromium', 'args': ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1400,1000']}}}}
s = call('POST', '/session', caps)['sessionId']
K = 'element-6066-11e4-a52e-4f735466cecf'
def el(css):
    return call('POST', f'/session/{s}/element', {'using': 'css selector', 'value': css})[K]
def fetch(path):
    # the export through the browser's own session
    return call('POST', f'/session/{s}/execute/async', {'script': '''const cb = arguments[arguments.length-1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => { let s=''; const u=new Uint8Array(b);
        for (let i=0;i<u.length;i++) s+=String.fromCharCode(u[i]); cb(btoa(s)); });''', 'args': [path]})
try:
    call('POST', f'/session/{s}/timeouts', {'script': 120000})
    call('POST', f'/session/{s}/url', {'url': base + '/login'})
    call('POST', f'/session/{s}/element/{el("input[name=username]")}/value', {'text': user})
    call('POST', f'/session/{s}/element/{el("input[name=password]")}/value', {'text': pw})
    call('POST', f'/session/{s}/element/{el("#login-submit")}/click', {})
    time.sleep(1)
    before = base64.b64decode(fetch(f'/households/export?communeId={commune}&format=csv'))
    for i in ids:
        call('POST', f'/session/{s}/url', {'url': f'{base}/households/{i}/edit'})
        call('POST', f'/session/{s}/element/{el("#save-household")}/click', {})
        time.sleep(0.3)
        url = call('GET', f'/session/{s}/url')
        if '/edit' in url:
            print('stayed on the form for', i, url)
    after = base64.b64decode(fetch(f'/households/export?communeId={commune}&format=csv'))
    print(f'saved {len(ids)} forms unchanged; export {len(before)} bytes before, {len(after)} after; '
          f'sha256 {hashlib.sha256(before).hexdigest()[:16]} vs {hashlib.sha256(after).hexdigest()[:16]}')
    open('export-before.zip', 'wb').write(before); open('export-after.zip', 'wb').write(after)
finally:
    call('DELETE', f'/session/{s}')
