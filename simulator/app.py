"""Application factories for the iIKP origin and the test Profil Zaufany origin."""

from flask import Flask

from simulator import admin, pz, web
from simulator.ikp import register as register_ikp


def create_ikp_app(sim_settings):
    """The iIKP origin: /ikp/ screens and the /__sim__/ admin API (only health when the settings turn it off)."""
    app = Flask("simulator")
    app.config["SIM_ORIGIN"] = "ikp"
    web.install(app, sim_settings)
    register_ikp(app)
    app.register_blueprint(admin.health)
    if sim_settings.admin:
        app.register_blueprint(admin.api)
    return app


def create_pz_app(sim_settings):
    """The test PZ/WK origin: /pz/ekran_pz and health."""
    app = Flask("simulator")
    app.config["SIM_ORIGIN"] = "pz"
    web.install(app, sim_settings)
    app.register_blueprint(pz.bp)
    app.register_blueprint(admin.health)
    return app
