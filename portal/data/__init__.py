"""The data layer: models and every query the portal makes.

Views call the small named functions in this package; they never build
queries themselves. Functions that return applicant data take the acting
user and scope by it.
"""
