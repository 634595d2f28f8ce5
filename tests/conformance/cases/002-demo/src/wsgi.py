# The Django project's WSGI entry point would live here.
