// The zsh completion script `sigmamind completion zsh` prints. It only hands the words before the cursor to
// `sigmamind __complete`: what fits is decided in candidates.ts. (`\${` is zsh's `${`.)
export const ZSH_SCRIPT = `#compdef sigmamind
# zsh completion for sigmamind, from \`sigmamind completion zsh\`. Install it in a folder of $fpath:
#   sigmamind completion zsh > "\${fpath[1]}/_sigmamind"
# What fits at the cursor comes from \`sigmamind __complete WORD...\`, so it always matches the installed sigmamind.
_sigmamind() {
  local -a candidates
  candidates=(\${(f)"$(sigmamind __complete "\${(@Q)words[2,CURRENT-1]}" "\${(Q)PREFIX}" 2>/dev/null)"})
  if (( \${#candidates} )); then
    compadd -- "\${candidates[@]}"
  else
    # Where sigmamind lists nothing (a call ID, a key file): file names, as without this script.
    _files
  fi
}
# Autoloaded from $fpath, this file is the body of _sigmamind, which runs the function; sourced, it registers it.
if [[ \${funcstack[1]} == _sigmamind ]]; then
  _sigmamind "$@"
else
  compdef _sigmamind sigmamind
fi
`;
