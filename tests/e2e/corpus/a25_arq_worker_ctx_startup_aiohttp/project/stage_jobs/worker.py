from . import jobs


class WorkerSettings:
    functions = [jobs.open_stage, jobs.announce, jobs.cut, jobs.close_stage]
    on_startup = jobs.startup
    on_shutdown = jobs.shutdown
    max_jobs = 4
