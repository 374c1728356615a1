# stand-in for whisper: the "audio" is already text in tests / demo mode
def transcribe(audio):
    if isinstance(audio, bytes):
        audio = audio.decode("utf-8", "ignore")
    return audio.strip()
