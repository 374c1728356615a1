from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    heygen_api_key: str = Field(validation_alias=AliasChoices("HEYGEN_API_KEY", "HEYGEN_TOKEN"))
    heygen_url: str = "https://api.heygen.com"
    avatar_id: str = Field(validation_alias=AliasChoices("NARRATOR_AVATAR", "AVATAR_ID"))
    default_voice: str = Field(validation_alias="NARRATOR_VOICE")
    speaking_rate: float = 1.0


settings = Settings()
