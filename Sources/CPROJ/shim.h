// PROJ's transformation API and Karney's geodesic routines (geodesic.h ships with PROJ).
#include <proj.h>
#include <geodesic.h>
