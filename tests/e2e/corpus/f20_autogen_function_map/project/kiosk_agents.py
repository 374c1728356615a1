"""AutoGen agents for the lobby kiosk: the assistant plans, the proxy runs the avatar functions."""
import os

import autogen

from avatar_functions import FUNCTION_MAP, FUNCTIONS

config_list = [{"model": "gpt-4o-mini", "api_key": os.getenv("OPENAI_API_KEY", "sk-none")}]

assistant = autogen.AssistantAgent(
    name="kiosk_assistant",
    system_message=(
        "You run the lobby kiosk avatar. Open a session first, greet visitors with repeat, "
        "answer questions with talk (knowledge base " + os.getenv("KIOSK_KB", "") + "), close when done."
    ),
    llm_config={"config_list": config_list, "functions": FUNCTIONS, "timeout": 60},
)

user_proxy = autogen.UserProxyAgent(
    name="kiosk_proxy",
    human_input_mode="NEVER",
    code_execution_config=False,
)
user_proxy.register_function(function_map=FUNCTION_MAP)
