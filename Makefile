# jobreg: PGXS build.  The version number lives here and nowhere else.

EXTENSION  = jobreg
EXTVERSION = 0.2.0

MODULE_big = $(EXTENSION)
OBJS       = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/*/*.c)))
PGFILEDESC = "jobreg - labour-market register analytics"

# The install script is assembled from one fragment per feature, in order.
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA       = $(wildcard sql/$(EXTENSION)--*--*.sql)

# Every sql/<name>.sql except the install and upgrade scripts is a pg_regress test.
REGRESS      = $(sort $(filter-out $(EXTENSION)--%,$(basename $(notdir $(wildcard sql/*.sql)))))
REGRESS_OPTS = --load-extension=$(EXTENSION)
# Every specs/<name>.spec is an isolation test (several sessions at once).
ISOLATION    = $(sort $(basename $(notdir $(wildcard specs/*.spec))))

PG_CPPFLAGS = -I$(srcdir)/src
SHLIB_LINK  = -lm -licui18n -licuuc -licudata

EXTRA_CLEAN = $(EXTENSION).control

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# the sources include the layers' headers: rebuild them all when one changes
$(OBJS): $(wildcard src/*.h src/*/*.h)

all: $(EXTENSION).control

$(EXTENSION).control: $(EXTENSION).control.in Makefile
	sed 's/@EXTVERSION@/$(EXTVERSION)/' $< > $@

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) Makefile
	cat $(INSTALL_PARTS) > $@

# The two commands of the README: each starts and stops its own throwaway cluster.
.PHONY: test demo bench package
test:
	bash scripts/run-tests.sh

demo:
	bash scripts/run-demo.sh

bench:
	bash scripts/run-bench.sh

# The Debian package postgresql-15-jobreg, built in a copy of the tree and
# installed into a throwaway Debian 12 root (root or sudo; see the script).
package:
	bash scripts/run-package.sh
