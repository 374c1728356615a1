"""showrunner: plays a scripted rundown through a talking-head backend."""
