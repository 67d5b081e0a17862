"""The team's best questions as a file another team can import (``docs/best-questions.md``)."""
