#!/usr/bin/env python3
"""Outside check of issue 25 point 2: a field conflict resolved on a 360 px wide phone window.
usage: chromedriver --port=9516 &  then  bench/field-conflict-360.py http://localhost:8105 xa giamngheo2026 CHANGE_ID shot.png
Opens /field/conflicts/CHANGE_ID at 360x800, checks that nothing is wider than the window, saves a screenshot, keeps
the server's value for the first differing field and the device's for the others, merges, and prints where it lands."""
import json, sys, base64, urllib.request, time
D = 'http://127.0.0.1:9516'
def call(method, path, body=None):
    req = urllib.request.Request(D + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read())['value']
base, user, pw, change, shot = sys.argv[1:6]
caps = {'capabilities': {'alwaysMatch': {'browserName': 'chrome', 'goog:chromeOptions': {
    'binary': '/usr/bin/chromium', 'args': ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                                            '--window-size=360,800']}}}}
s = call('POST', '/session', caps)['sessionId']
K = 'element-6066-11e4-a52e-4f735466cecf'
def el(css):
    return call('POST', f'/session/{s}/element', {'using': 'css selector', 'value': css})[K]
def js(script):
    return call('POST', f'/session/{s}/execute/sync', {'script': script, 'args': []})
try:
    call('POST', f'/session/{s}/url', {'url': base + '/login'})
    call('POST', f'/session/{s}/element/{el("input[name=username]")}/value', {'text': user})
    call('POST', f'/session/{s}/element/{el("input[name=password]")}/value', {'text': pw})
    call('POST', f'/session/{s}/element/{el("#login-submit")}/click', {})
    time.sleep(1)
    call('POST', f'/session/{s}/url', {'url': base + '/field/conflicts/' + change})
    width = js('return [window.innerWidth, document.documentElement.scrollWidth];')
    fields = js('return Array.from(document.querySelectorAll(".conflict-field h2")).map(e => e.textContent);')
    print('window and page width:', width, '(no sideways scrolling)' if width[1] <= width[0] else '(TOO WIDE)')
    print('differing fields:', fields)
    with open(shot, 'wb') as f:
        f.write(base64.b64decode(call('GET', f'/session/{s}/screenshot')))
    js('document.querySelector(".conflict-field input[value=theirs]").click();')
    call('POST', f'/session/{s}/element/{el("button[value=merge]")}/click', {})
    time.sleep(1)
    print('after merge:', call('GET', f'/session/{s}/url'), '|', js('return (document.querySelector(".done")||{}).textContent;'))
finally:
    call('DELETE', f'/session/{s}')
