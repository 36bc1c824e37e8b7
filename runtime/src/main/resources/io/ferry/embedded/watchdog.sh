# Ferry's watchdog for one embedded PostgreSQL server (see io.ferry.embedded.Watchdog): stops the
# server soon after the last JVM using it is gone. Runs as the server's user.
# Arguments: the server's directory, the pg_ctl program, the process id of the server it watches.
trap '' INT HUP QUIT # Ctrl-C in a terminal is meant for the JVM, whose exit this watchdog then sees

directory=$1
pg_ctl=$2
server=$3
jvms=$directory/jvms
stopping=$directory/stopping

say() {
    echo "$(date '+%Y-%m-%d %H:%M:%S') Ferry watchdog $$: $*"
}

# Field 22 of /proc/PID/stat, as io.ferry.embedded.ProcessIdentity reads it; fails for a zombie.
start_time() {
    read -r stat < "/proc/$1/stat" || return 1
    set -- ${stat##*) }
    [ "$1" != Z ] || return 1
    shift 19
    echo "$1"
}

alive() {
    if [ -d /proc/self ]; then
        [ -n "$2" ] && [ "$(start_time "$1" 2>/dev/null)" = "$2" ]
    else
        kill -0 "$1" 2>/dev/null
    fi
}

# Whether a registered JVM is alive; the files of those that are gone are removed, and said.
in_use() {
    users=0
    gone=
    for jvm in "$jvms"/*; do
        [ -f "$jvm" ] || continue
        started=
        read -r started 2>/dev/null < "$jvm"
        if alive "${jvm##*/}" "$started"; then
            users=$((users + 1))
        elif [ -f "$jvm" ]; then
            rm -f "$jvm"
            gone="$gone ${jvm##*/}"
        fi
    done
    [ -z "$gone" ] || say "JVM$gone gone; $users still using the server"
    [ "$users" -gt 0 ]
}

# Whether another live process (a leaving JVM) is stopping the server already.
others_stopping() {
    for marker in "$stopping"/*; do
        [ -f "$marker" ] && [ "${marker##*/}" != "$$" ] || continue
        started=
        read -r started 2>/dev/null < "$marker"
        alive "${marker##*/}" "$started" && return 0
    done
    return 1
}

still_watching() {
    running= watcher=
    read -r running 2>/dev/null < "$directory/pgdata/postmaster.pid"
    read -r watcher 2>/dev/null < "$directory/watchdog.pid"
    [ "$running" = "$server" ] && [ "$watcher" = "$$" ]
}

if [ -d /proc/self ] && [ ! -r "/proc/$PPID/stat" ]; then
    say "cannot see the JVM that started it (is /proc mounted with hidepid?), so the server in $directory stops only when its JVMs exit normally"
    exit 0
fi
# The newest watchdog takes over; an older one sees that and ends.
echo $$ > "$directory/.watchdog.$$" && mv -f "$directory/.watchdog.$$" "$directory/watchdog.pid" || exit 1

while sleep 1 && still_watching; do
    in_use || others_stopping && continue
    { start_time $$ 2>/dev/null || echo; } > "$stopping/.$$" && mv -f "$stopping/.$$" "$stopping/$$"
    if in_use || ! still_watching; then
        rm -f "$stopping/$$"
        continue
    fi
    say "no JVM uses the server (process $server) any more; stopping it"
    "$pg_ctl" stop --pgdata="$directory/pgdata" --mode=fast --wait --timeout=30
    rm -f "$stopping/$$"
    exit 0
done
