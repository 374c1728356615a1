# Desktop control panel for the streaming avatar (operator runs it next to OBS)
# python avatar_gui.py
import os
import json
import traceback

import requests

import sg  # import PySimpleGUI as sg

API_KEY = os.getenv('HEYGEN_API_KEY')
HEYGEN = 'https://api.heygen.com'
AVATAR = os.getenv('GUI_AVATAR', 'Anna_public_3_20240108')
KNOWLEDGE_BASE = os.getenv('GUI_KB', '')

state = {'session': None, 'room': None, 'spoken': 0}


def headers():
    return {'X-Api-Key': API_KEY, 'Content-Type': 'application/json'}


def open_session():
    body = {'avatar_id': AVATAR, 'quality': 'high', 'version': 'v2'}
    if KNOWLEDGE_BASE:
        body['knowledge_base_id'] = KNOWLEDGE_BASE
    r = requests.post(HEYGEN + '/v1/streaming.new', headers=headers(), data=json.dumps(body), timeout=60)
    j = r.json()
    if j.get('code') != 100:
        raise Exception('new failed: ' + str(j.get('message')))
    sid = j['data']['session_id']
    r2 = requests.post(HEYGEN + '/v1/streaming.start', headers=headers(), data=json.dumps({'session_id': sid}), timeout=60)
    if r2.status_code != 200:
        raise Exception('start failed ' + r2.text)
    state['session'] = sid
    state['room'] = (j['data']['url'], j['data']['access_token'])
    return sid


def talk(text, mode='repeat'):
    payload = {'session_id': state['session'], 'text': text, 'task_type': mode}
    r = requests.post(HEYGEN + '/v1/streaming.task', headers=headers(), data=json.dumps(payload), timeout=60)
    r.raise_for_status()
    state['spoken'] += 1


def stop_talking():
    requests.post(HEYGEN + '/v1/streaming.interrupt', headers=headers(), data=json.dumps({'session_id': state['session']}), timeout=60)


def close_session():
    if not state['session']:
        return
    requests.post(HEYGEN + '/v1/streaming.stop', headers=headers(), data=json.dumps({'session_id': state['session']}), timeout=60)
    state['session'] = None
    state['room'] = None


def main():
    layout = [
        [sg.Text('Avatar control')],
        [sg.Input(key='-TEXT-')],
        [sg.Button('Open'), sg.Button('Say'), sg.Button('Ask'), sg.Button('Stop talking'), sg.Button('Close')],
        [sg.Multiline(key='-LOG-', size=(60, 10))],
    ]
    window = sg.Window('HeyGen avatar', layout)
    while True:
        event, values = window.read()
        if event == sg.WIN_CLOSED:
            break
        try:
            if event == 'Open':
                sid = open_session()
                window['-LOG-'].update('session ' + sid)
                window['-ROOM-'].update(state['room'])
            elif event == 'Say':
                talk(values['-TEXT-'])
            elif event == 'Ask':
                talk(values['-TEXT-'], mode='chat')
            elif event == 'Stop talking':
                stop_talking()
            elif event == 'Close':
                close_session()
                window['-LOG-'].update('closed')
        except Exception as e:
            traceback.print_exc()
            sg.popup_error('Error: ' + str(e))
    close_session()
    window.close()


if __name__ == '__main__':
    main()
