"""The iIKP screens, one blueprint per area, behind one shared request guard."""

from simulator.ikp import account, auth, common, consents, declarations, prescriptions


def register(app):
    """Install the guard and every iIKP blueprint on the app."""
    app.before_request(common.guard)
    for module in (auth, account, consents, prescriptions, declarations):
        app.register_blueprint(module.bp)
