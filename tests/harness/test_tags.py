"""Tags say what a scenario needs: the facility's side (@placowka), the simulator (@symulator), and
@nieodwracalne where a POZ declaration is submitted; checked against what each step actually calls."""

from __future__ import annotations

from behave.parser import parse_file
from behave.runner_util import load_step_modules
from behave.step_registry import registry

from harness import gherkin_types
from tools.screen_texts import FEATURES

# What a step function calls -> the tag its scenario must carry.
NEEDS = {"facility": "placowka", "arranged": "symulator"}
SUBMITS_DECLARATION = "submit_declaration"  # harness.tasks: a POZ declaration goes to the facility


def _steps():
    gherkin_types.register()
    if not registry.steps.get("given"):
        load_step_modules([str(FEATURES / "steps")])
    for path in sorted(FEATURES.glob("*.feature")):
        for scenario in parse_file(str(path)).walk_scenarios():
            for step in [*scenario.background_steps, *scenario.steps]:
                definition = registry.find_step_definition(step)
                assert definition is not None, f"{path.name}:{step.line}: niezdefiniowany krok „{step.name}”"
                yield path, scenario, step, set(definition.func.__code__.co_names)


def test_scenarios_are_tagged_with_what_their_steps_need():
    missing = []
    for path, scenario, step, calls in _steps():
        for call, tag in NEEDS.items():
            if call in calls and tag not in scenario.effective_tags:
                missing.append(f"{path.name}:{scenario.line} @{tag} ({step.name})")
        if SUBMITS_DECLARATION in calls and "nieodwracalne" not in scenario.effective_tags:
            missing.append(f"{path.name}:{scenario.line} @nieodwracalne ({step.name})")
    assert missing == []
