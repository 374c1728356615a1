"""Just enough of Airflow's DAG API to run our DAG files locally with `dag.test()`.

The real scheduler runs them in production; CI has no Airflow installed.
"""
from .models import DAG, PythonOperator

__all__ = ["DAG", "PythonOperator"]
