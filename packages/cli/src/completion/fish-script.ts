// The fish completion script `sigmamind completion fish` prints. It only hands the words before the cursor to
// `sigmamind __complete`: what fits is decided in candidates.ts.
export const FISH_SCRIPT = `# fish completion for sigmamind, from \`sigmamind completion fish\`. Install it where fish looks for it:
#   sigmamind completion fish > ~/.config/fish/completions/sigmamind.fish
# What fits at the cursor comes from \`sigmamind __complete WORD...\`, so it always matches the installed sigmamind.
function __sigmamind_complete
    set -l words (commandline --tokenize --current-process --cut-at-cursor)
    set -l current (commandline --current-token --cut-at-cursor)
    set -l candidates (sigmamind __complete $words[2..-1] "$current" 2>/dev/null)
    if set -q candidates[1]
        printf '%s\\n' $candidates
    else
        # Where sigmamind lists nothing (a call ID, a key file): file names, as without this script.
        __fish_complete_path "$current"
    end
end
complete --command sigmamind --no-files --arguments '(__sigmamind_complete)'
`;
