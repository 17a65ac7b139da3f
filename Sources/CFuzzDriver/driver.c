// Header-only target; this file exists because SwiftPM wants a source in every C target.
#include "CFuzzDriver.h"
