#include "CSystem.h"
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

enum { SLOTS = 16, PATH_BYTES = 4096 };
static char partial_paths[SLOTS][PATH_BYTES];
// A slot is published only after its path is fully written, and withdrawn before it is reused.
static atomic_int partial_in_use[SLOTS];

int border_register_partial_file(const char *path) {
    size_t length = strlen(path);
    if (length >= PATH_BYTES) return -1;
    for (int slot = 0; slot < SLOTS; slot++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&partial_in_use[slot], &expected, 2)) {   // 2: being written
            memcpy(partial_paths[slot], path, length + 1);
            atomic_store(&partial_in_use[slot], 1);
            return slot;
        }
    }
    return -1;
}

void border_unregister_partial_file(int slot) {
    if (slot >= 0 && slot < SLOTS) atomic_store(&partial_in_use[slot], 0);
}

static void remove_partial_files_and_exit(int signal_number) {
    for (int slot = 0; slot < SLOTS; slot++) {
        if (atomic_load(&partial_in_use[slot]) == 1) unlink(partial_paths[slot]);
    }
    _exit(128 + signal_number);
}

void border_install_signal_handlers(void) {
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    sigaddset(&unblock, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = remove_partial_files_and_exit;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    signal(SIGPIPE, SIG_IGN);
}
