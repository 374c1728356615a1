"""A small Result type (we came from Rust): API calls never raise, they return Ok or Err."""
from dataclasses import dataclass
from typing import Generic, TypeVar, Union

T = TypeVar("T")


@dataclass(frozen=True)
class Ok(Generic[T]):
    value: T


@dataclass(frozen=True)
class Err:
    error: str
    status: int = 0


Result = Union[Ok[T], Err]


def unwrap(res: "Result[T]") -> T:
    if isinstance(res, Err):
        raise RuntimeError(f"unwrap on Err: {res.error} ({res.status})")
    return res.value
