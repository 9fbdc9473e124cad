<#
.SYNOPSIS
    Start AgentDesk from the source tree, setting up .venv first when needed.
.DESCRIPTION
    Arguments go to the app, e.g. .\scripts\run.ps1 --demo
#>
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false

$Root = Split-Path -Parent $PSScriptRoot
& (Join-Path $PSScriptRoot 'bootstrap.ps1')
# The console interpreter (not the windowed agentdesk.exe launcher) keeps this script waiting
# for the app, shows its output (--version, errors) and passes its exit code on.
$python = Join-Path $Root '.venv\Scripts\python.exe'
& $python -c 'import sys; from agentdesk.app import main; sys.argv[0] = ''agentdesk''; sys.exit(main())' @args
exit $LASTEXITCODE
