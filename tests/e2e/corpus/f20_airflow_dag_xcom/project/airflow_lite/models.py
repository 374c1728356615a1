import datetime as dt

_current_dag = []


class TaskInstance:
    def __init__(self, task, xcoms):
        self.task = task
        self.task_id = task.task_id
        self._xcoms = xcoms

    def xcom_push(self, key, value):
        self._xcoms[(self.task_id, key)] = value

    def xcom_pull(self, task_ids, key="return_value"):
        return self._xcoms.get((task_ids, key))


class PythonOperator:
    def __init__(self, task_id, python_callable, op_kwargs=None, retries=0, dag=None):
        self.task_id = task_id
        self.python_callable = python_callable
        self.op_kwargs = op_kwargs or {}
        self.retries = retries
        self.upstream = []
        self.dag = dag or (_current_dag[-1] if _current_dag else None)
        if self.dag is not None:
            self.dag.tasks.append(self)

    def __rshift__(self, other):
        for o in other if isinstance(other, list) else [other]:
            o.upstream.append(self)
        return other

    def execute(self, context):
        return self.python_callable(**self.op_kwargs, **context)


class DAG:
    def __init__(self, dag_id, start_date=None, schedule=None, catchup=False, default_args=None, tags=None):
        self.dag_id = dag_id
        self.start_date = start_date
        self.schedule = schedule
        self.default_args = default_args or {}
        self.tags = tags or []
        self.tasks = []

    def __enter__(self):
        _current_dag.append(self)
        return self

    def __exit__(self, *exc):
        _current_dag.pop()
        return False

    def _ordered(self):
        done, order = set(), []
        while len(order) < len(self.tasks):
            for t in self.tasks:
                if t.task_id not in done and all(u.task_id in done for u in t.upstream):
                    done.add(t.task_id)
                    order.append(t)
        return order

    def test(self, conf=None):
        """Run every task once, in dependency order, like `airflow dags test`."""
        xcoms = {}
        logical_date = dt.datetime.now(dt.timezone.utc)
        for task in self._ordered():
            ti = TaskInstance(task, xcoms)
            context = {"ti": ti, "dag": self, "ds": logical_date.date().isoformat(), "params": conf or {}}
            result = task.execute(context)
            if result is not None:
                ti.xcom_push("return_value", result)
        return xcoms
