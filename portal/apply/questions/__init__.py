"""The application's questions, one module for each section of the task list."""
