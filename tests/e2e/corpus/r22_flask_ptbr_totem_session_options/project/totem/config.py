# Configuração do totem de atendimento (lida do ambiente / .env)
import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")

AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
VOZ_ID = os.getenv("VOZ_ID", "")  # vazio = voz padrão do avatar
BASE_CONHECIMENTO_ID = os.getenv("BASE_CONHECIMENTO_ID", "")
IDIOMA = os.getenv("IDIOMA", "pt-BR")
QUALIDADE = os.getenv("QUALIDADE", "high")

# o totem fica ligado o dia inteiro na recepção: sem timeout de inatividade
SEM_TIMEOUT = os.getenv("SEM_TIMEOUT", "1") == "1"
