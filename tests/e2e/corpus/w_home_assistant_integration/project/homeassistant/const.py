CONF_API_KEY = "api_key"
