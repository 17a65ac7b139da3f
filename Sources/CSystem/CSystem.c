// Header-only target: see include/CSystem.h.
