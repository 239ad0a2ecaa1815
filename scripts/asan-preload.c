/*
 * scripts/asan-preload.c: preloaded after libasan so that AddressSanitizer
 * can run inside Debian's stock (uninstrumented) postgres.
 *
 * Why: libraries that postgres links (libgpg-error, gnutls) call
 * bindtextdomain from their constructors, before libasan's own constructor
 * has run.  bindtextdomain mallocs while holding glibc's gettext lock; that
 * first malloc starts AddressSanitizer, whose start-up calls dlsym, whose
 * error path takes the same lock.  The lock is left corrupt and the next
 * bindtextdomain (postgres' own) waits for ever.  Starting AddressSanitizer
 * here, before the real bindtextdomain takes its lock, avoids that.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

extern void __asan_init(void);

typedef char *(*bindtextdomain_fn) (const char *, const char *);

char *
bindtextdomain(const char *domainname, const char *dirname)
{
	static bindtextdomain_fn real_bindtextdomain;

	if (real_bindtextdomain == NULL)
	{
		__asan_init();
		real_bindtextdomain = (bindtextdomain_fn) dlsym(RTLD_NEXT, "bindtextdomain");
	}
	return real_bindtextdomain(domainname, dirname);
}
