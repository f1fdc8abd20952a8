"""behave hooks: they only delegate to harness.lifecycle."""

from harness import gherkin_types, lifecycle, run_guard

gherkin_types.register()
run_guard.install_parse_error_message()  # loaded before behave parses the feature files


def before_all(context):
    lifecycle.before_all(context)


def after_all(context):
    lifecycle.after_all(context)


def before_feature(context, feature):
    lifecycle.before_feature(context, feature)


def before_scenario(context, scenario):
    lifecycle.before_scenario(context, scenario)


def before_step(context, step):
    lifecycle.before_step(context, step)


def after_step(context, step):
    lifecycle.after_step(context, step)


def after_scenario(context, scenario):
    lifecycle.after_scenario(context, scenario)
